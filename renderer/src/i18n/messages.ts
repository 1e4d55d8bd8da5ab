import type { ArticleStatus } from '../../../shared/article/article';
import type { ErrorCode } from '../../../shared/api/result';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const en = {
  'app.title': 'Newsroom',
  'app.language': 'Language',
  'archive.title': 'Archive',
  'archive.new': 'New article',
  'archive.empty': 'No articles yet.',
  'archive.untitled': '(no headline)',
  'archive.loadFailed': 'The archive could not be loaded: {reason}',
  'editor.headline': 'Headline',
  'editor.headlinePlaceholder': 'Headline',
  'editor.bodyLabel': 'Article text',
  'editor.none': 'Choose an article or create a new one.',
  'editor.loading': 'Opening the article…',
  'editor.loadFailed': 'The article could not be opened: {reason}',
  'editor.switchBlocked': 'The current article is not saved yet, so it stays open: {reason}',
  'save.saved': 'Saved',
  'save.unsaved': 'Unsaved changes',
  'save.saving': 'Saving…',
  'save.failed': 'Not saved: {reason}',
  'save.retrying': 'Not saved: {reason} Retrying…',
  'token.missing': 'Open the address that “newsroom serve” printed: it carries the access token.',
  'status.draft': 'Draft',
  'status.submitted': 'Submitted',
  'status.edited': 'Edited',
  'status.approved': 'Approved',
  'status.exported': 'Exported',
  'status.spiked': 'Spiked',
  'error.validation': 'the content was refused as invalid.',
  'error.not_found': 'it no longer exists.',
  'error.conflict': 'a newer version was saved elsewhere.',
  'error.storage': 'the archive could not write it.',
  'error.disk_full': 'the disk is full.',
  'error.unauthorized': 'access was refused (reopen the address the server printed).',
  'error.forbidden': 'access was refused.',
  'error.unavailable': 'the archive cannot be reached.',
  'error.internal': 'an unexpected error happened.',
};

export type MessageKey = keyof typeof en;

const vi: Record<MessageKey, string> = {
  'app.title': 'Tòa soạn',
  'app.language': 'Ngôn ngữ',
  'archive.title': 'Lưu trữ',
  'archive.new': 'Bài mới',
  'archive.empty': 'Chưa có bài nào.',
  'archive.untitled': '(chưa có tít)',
  'archive.loadFailed': 'Không tải được kho bài: {reason}',
  'editor.headline': 'Tít',
  'editor.headlinePlaceholder': 'Tít bài',
  'editor.bodyLabel': 'Nội dung bài',
  'editor.none': 'Chọn một bài hoặc tạo bài mới.',
  'editor.loading': 'Đang mở bài…',
  'editor.loadFailed': 'Không mở được bài: {reason}',
  'editor.switchBlocked': 'Bài hiện tại chưa được lưu nên vẫn để mở: {reason}',
  'save.saved': 'Đã lưu',
  'save.unsaved': 'Có thay đổi chưa lưu',
  'save.saving': 'Đang lưu…',
  'save.failed': 'Chưa lưu được: {reason}',
  'save.retrying': 'Chưa lưu được: {reason} Đang thử lại…',
  'token.missing': 'Hãy mở địa chỉ mà lệnh “newsroom serve” đã in ra: địa chỉ đó chứa mã truy cập.',
  'status.draft': 'Bản nháp',
  'status.submitted': 'Đã gửi',
  'status.edited': 'Đã biên tập',
  'status.approved': 'Đã duyệt',
  'status.exported': 'Đã xuất bản',
  'status.spiked': 'Đã hủy',
  'error.validation': 'nội dung không hợp lệ nên bị từ chối.',
  'error.not_found': 'bài không còn tồn tại.',
  'error.conflict': 'đã có phiên bản mới hơn được lưu ở nơi khác.',
  'error.storage': 'kho lưu trữ không ghi được.',
  'error.disk_full': 'ổ đĩa đã đầy.',
  'error.unauthorized': 'truy cập bị từ chối (hãy mở lại địa chỉ máy chủ đã in ra).',
  'error.forbidden': 'truy cập bị từ chối.',
  'error.unavailable': 'không kết nối được với kho lưu trữ.',
  'error.internal': 'đã xảy ra lỗi không mong muốn.',
};

export const messages: Record<Language, Record<MessageKey, string>> = { en, vi };

export const statusKey = (status: ArticleStatus): MessageKey => `status.${status}`;
export const errorKey = (code: ErrorCode): MessageKey => `error.${code}`;

export function translate(language: Language, key: MessageKey, params: Record<string, string> = {}): string {
  return messages[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'vi' || base === 'en') return base;
  }
  return 'en';
}
