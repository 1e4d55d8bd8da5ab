import { describe, expect, it } from 'vitest';
import { foldVietnamese, slugify } from './fold';

describe('foldVietnamese', () => {
  it('strips marks and folds đ, in NFC and NFD input alike', () => {
    expect(foldVietnamese('Đường dương ĐẢNG Hội nghị')).toBe('Duong duong DANG Hoi nghi');
    expect(foldVietnamese('Đường'.normalize('NFD'))).toBe('Duong');
    expect(foldVietnamese('thuý thúy hoà hòa')).toBe('thuy thuy hoa hoa');
  });
});

describe('slugify', () => {
  it.each([
    ['Hội nghị tổng kết công tác Đảng', 'hoi-nghi-tong-ket-cong-tac-dang'],
    ['  CNQP&KT - Chiều 24/12  ', 'cnqp-kt-chieu-24-12'],
    ['“Trong sạch, vững mạnh”!', 'trong-sach-vung-manh'],
    ['', ''],
  ])('%s → %s', (headline, slug) => {
    expect(slugify(headline)).toBe(slug);
  });

  it('cuts long headlines at a word boundary', () => {
    const slug = slugify(
      'Hội nghị tổng kết công tác Đảng, công tác chính trị năm 2019 và triển khai nhiệm vụ năm 2020 của Tổng cục',
      60,
    );
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
    expect('hoi-nghi-tong-ket-cong-tac-dang-cong-tac-chinh-tri-nam-2019-va-trien-khai'.startsWith(slug)).toBe(true);
  });
});
