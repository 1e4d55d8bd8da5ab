import type { ArticleStatus } from '../../../shared/article/article';
import type { ErrorCode } from '../../../shared/api/result';

import { en } from './en';
import { vi } from './vi';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];
/** Every message key: the English table's (en.ts); vi.ts must have exactly these (the compiler checks). */
export type MessageKey = keyof typeof en;
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
