/** The story package's files, by what each is (one place for the export, the CLI and the tests). */
export const packageFiles = {
  /** The standalone page, no JavaScript. */
  page: 'index.html',
  /** The article's HTML for a CMS. */
  fragment: 'fragment.html',
  /** The renditions, each with its credits inside. */
  images: 'images',
  /** IPTC ninjs. */
  ninjs: 'article.json',
  /** Every other file with its SHA-256. */
  manifest: 'manifest.json',
} as const;
