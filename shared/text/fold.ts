/**
 * Vietnamese folded to plain Latin letters: marks stripped and đ→d, which Unicode
 * decomposition (and SQLite's remove_diacritics) does not do, because đ is a letter of its own.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** A URL path segment from a headline: `Hội nghị tổng kết` → `hoi-nghi-tong-ket`. */
export function slugify(text: string, maxLength = 80): string {
  const slug = foldVietnamese(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}
