import { paragraph } from '../../shared/article/article';
import type { ArticleBody } from '../../shared/article/article';

const syllables = (
  'hội nghị tổng kết công tác đảng chính trị năm triển khai nhiệm vụ trung tướng bí thư chủ trì đại biểu ' +
  'quán triệt chỉ thị báo cáo phương hướng cấp trên đánh giá tốt thi đua đoàn kết sáng tạo kỷ cương ' +
  'nêu gương quyết thắng chuyển biến mạnh mẽ dự án trọng điểm chất lượng sản phẩm quốc phòng kinh tế ' +
  'đổi mới phương pháp lãnh đạo chỉ đạo thiết thực hiệu quả năng lực sức chiến đấu tổ chức cán bộ ' +
  'đảng viên thành công khen thưởng đền ơn đáp nghĩa kỷ niệm ngày lễ lớn giáo dục tư tưởng'
).split(' ');

/** Deterministic Vietnamese-like text: the same words every run, so runs compare. */
export function vietnameseBody(words: number, wordsPerParagraph = 100): ArticleBody {
  const body: ArticleBody = [];
  let seed = 7;
  for (let written = 0; written < words; written += wordsPerParagraph) {
    const count = Math.min(wordsPerParagraph, words - written);
    const parts: string[] = [];
    for (let index = 0; index < count; index += 1) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      parts.push(syllables[seed % syllables.length] ?? 'và');
    }
    body.push(paragraph(`${parts.join(' ')}.`));
  }
  return body;
}
