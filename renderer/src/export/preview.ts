import type { ArticleContent } from '../../../shared/article/article';
import type { ExportPhoto } from '../../../shared/export/articleHtml';
import { packageSlug } from '../../../shared/export/articleHtml';
import { articlePage } from '../../../shared/export/articlePage';
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
    const width = Math.min(found.width, 1600);
    photos.set(found.id, {
      ...found,
      width,
      height: Math.round((found.height * width) / found.width),
      renditions: [{ src: photoUrl(found.id, 'preview'), width, type: 'image/webp' }],
    });
  }
  const outletPrefix = content.outletPrefix ?? settings.outletPrefix;
  return articlePage(content, photos, {
    lang: 'vi',
    template: settings.creditTemplate,
    outletPrefix,
    outletSeparator: settings.outletSeparator,
    photoCredit: settings.export.photoCredit,
    display,
    siteUrl: settings.export.siteUrl || undefined,
    slug: packageSlug(content, id),
    publishedAt: at,
    modifiedAt: at,
    publisher: settings.export.publisher || outletPrefix,
    commentAction: settings.export.commentForm.enabled ? settings.export.commentForm.action : undefined,
    withoutStructuredData: true,
  });
}
