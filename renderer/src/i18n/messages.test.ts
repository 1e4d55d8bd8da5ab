import { describe, expect, it } from 'vitest';
import { detectLanguage, messages, translate } from './messages';

describe('translations', () => {
  it('have the same keys and placeholders in Vietnamese and English', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    expect(Object.keys(messages.vi).sort()).toEqual(Object.keys(messages.en).sort());
    for (const key of Object.keys(messages.en) as (keyof typeof messages.en)[]) {
      expect(messages.vi[key].trim(), key).not.toBe('');
      expect(placeholders(messages.vi[key]), key).toEqual(placeholders(messages.en[key]));
    }
  });

  it('fill placeholders', () => {
    expect(translate('vi', 'save.failed', { reason: 'ổ đĩa đã đầy.' })).toBe('Chưa lưu được: ổ đĩa đã đầy.');
  });

  it('follow the system language, defaulting to English', () => {
    expect(detectLanguage(['vi-VN', 'en-US'])).toBe('vi');
    expect(detectLanguage(['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLanguage(['de'])).toBe('en');
  });
});
