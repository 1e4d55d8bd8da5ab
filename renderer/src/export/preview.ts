import type { ArticleContent } from '../../../shared/article/article';
import type { ExportPhoto } from '../../../shared/export/articleHtml';
import { pageSize } from '../../../shared/export/articleHtml';
import { articlePage, pageOptions } from '../../../shared/export/articlePage';
import type { Photo } from '../../../shared/photos/photo';
import type { Settings } from '../../../shared/settings/settings';
import type { PhotoUrl } from '../client/createClient';

export interface PreviewInput {
  id: number;
  content: ArticleContent;
  settings: Settings;
  photo: (id: string) => Photo | undefined;
  photoUrl: PhotoUrl;
  display?: (name: string) => string | undefined;
  /** The page's dates: fixed while the preview is open, so the frame reloads only when the text changes. */
  at: string;
}

/**
 * The page the export will write, built from the text on screen by the same code, with the
 * library's preview renditions standing in for the package's images. Shown in a sandboxed frame.
 */
export function previewPage({ id, content, settings, photo, photoUrl, display, at }: PreviewInput): string {
  const photos = new Map<string, ExportPhoto>();
  for (const block of content.body) {
    if (block.type !== 'figure') continue;
    const found = photo(block.photoId);
    if (!found) continue;
    const size = pageSize(found);
    photos.set(found.id, {
      ...found,
      ...size,
      renditions: [{ src: photoUrl(found.id, 'preview'), width: size.width, type: 'image/webp' }],
    });
  }
  return articlePage(content, photos, {
    ...pageOptions(content, id, settings, { publishedAt: at, modifiedAt: at }, display),
    withoutStructuredData: true,
  });
}
