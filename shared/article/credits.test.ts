import { describe, expect, it } from 'vitest';
import { creditLine, defaultCreditTemplates, parseCreditLine } from './credits';

const vi = defaultCreditTemplates.vi;

describe('creditLine', () => {
  it('joins people with the same roles under one label, names upper-cased (the sample)', () => {
    const line = creditLine(
      [
        { name: 'Nguyên Khôi', roles: ['text', 'photo'] },
        { name: 'Minh Tuấn', roles: ['photo', 'text'] },
      ],
      'news',
      vi,
    );
    expect(line).toBe('Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN');
  });

  it('gives a group per set of roles, and the text label follows the kind', () => {
    expect(
      creditLine(
        [
          { name: 'Lan Anh', roles: ['text'] },
          { name: 'Minh Tuấn', roles: ['photo'] },
        ],
        'article',
        vi,
      ),
    ).toBe('Bài: LAN ANH; Ảnh: MINH TUẤN');
    expect(creditLine([{ name: 'Lan Anh', roles: ['text'] }], 'news', vi)).toBe('Tin: LAN ANH');
    expect(
      creditLine(
        [
          { name: 'Hải', roles: ['graphics'] },
          { name: 'Đức', roles: ['video', 'photo'] },
        ],
        'feature',
        vi,
      ),
    ).toBe('Đồ họa: HẢI; Ảnh, video: ĐỨC');
    expect(creditLine([], 'news', vi)).toBe('');
  });

  it('uses the template it is given (English defaults)', () => {
    expect(creditLine([{ name: 'Lan Anh', roles: ['text', 'photo'] }], 'news', defaultCreditTemplates.en)).toBe(
      'Report, photos: LAN ANH',
    );
  });
});

describe('parseCreditLine', () => {
  it('reads the sample credit line back into contributors and kind', () => {
    expect(parseCreditLine('Tin, ảnh: NGUYÊN KHÔI - MINH TUẤN', vi)).toEqual({
      kind: 'news',
      contributors: [
        { name: 'NGUYÊN KHÔI', roles: ['text', 'photo'] },
        { name: 'MINH TUẤN', roles: ['text', 'photo'] },
      ],
    });
  });

  it('reads groups and round-trips what creditLine writes', () => {
    const parsed = parseCreditLine('Bài: LAN ANH; Ảnh: MINH TUẤN - HẢI', vi);
    expect(parsed).toEqual({
      kind: 'article',
      contributors: [
        { name: 'LAN ANH', roles: ['text'] },
        { name: 'MINH TUẤN', roles: ['photo'] },
        { name: 'HẢI', roles: ['photo'] },
      ],
    });
    expect(parsed && creditLine(parsed.contributors, 'article', vi)).toBe('Bài: LAN ANH; Ảnh: MINH TUẤN - HẢI');
  });

  it.each(['Bình luận', 'Họ và tên:*', 'Trung tướng Nguyễn Mạnh Hùng, Bí thư Đảng ủy: phát biểu', 'Tin:', ''])(
    'is not fooled by %j',
    (line) => {
      expect(parseCreditLine(line, vi)).toBeUndefined();
    },
  );
});
