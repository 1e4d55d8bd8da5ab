import { describe, expect, it } from 'vitest';
import { withPhotoContributor } from './photoContributor';

describe('the photographer joins the contributors', () => {
  it('as a new contributor with the photo role', () => {
    expect(withPhotoContributor([{ name: 'Nguyên Khôi', roles: ['text'] }], ' Minh Tuấn ')).toEqual([
      { name: 'Nguyên Khôi', roles: ['text'] },
      { name: 'Minh Tuấn', roles: ['photo'] },
    ]);
  });

  it('or with the photo role added, matched as people are (case, spaces, NFC)', () => {
    expect(withPhotoContributor([{ name: 'Minh Tuấn', roles: ['text'] }], '  minh  TUẤN'.normalize('NFD'))).toEqual([
      { name: 'Minh Tuấn', roles: ['text', 'photo'] },
    ]);
  });

  it('and nothing changes when there is no creator or they are credited already', () => {
    expect(withPhotoContributor([], '  ')).toBeUndefined();
    expect(withPhotoContributor([{ name: 'Minh Tuấn', roles: ['photo'] }], 'MINH TUẤN')).toBeUndefined();
  });
});
