import { Path, Transforms } from 'slate';
import type { RenderElementProps } from 'slate-react';
import { ReactEditor, useSlateStatic } from 'slate-react';
import type { Block } from '../../../shared/article/article';
import type { CaptionCode, Photo } from '../../../shared/photos/photo';
import { expandCaptionCodes, hasAltText, hasCredit } from '../../../shared/photos/photo';
import { useI18n } from '../i18n/I18nProvider';
import { PhotoImage } from '../photos/PhotoImage';
import { usePhoto } from '../photos/PhotoContext';
import type { ArticleEditor } from './customTypes';

type FigureElement = Extract<Block, { type: 'figure' }>;

/**
 * A photo in the article: the image, its per-use caption (codes expand as they are typed), the
 * photo's own credit, and a mark when the photo still lacks a credit or alt text.
 */
export function Figure({
  attributes,
  children,
  element,
  codes,
}: Omit<RenderElementProps, 'element'> & { element: FigureElement; codes: readonly CaptionCode[] }) {
  const { t } = useI18n();
  const editor = useSlateStatic();
  const photo = usePhoto(element.photoId);
  const setCaption = (caption: string) =>
    Transforms.setNodes(editor, { caption }, { at: ReactEditor.findPath(editor, element) });
  const missing = photo
    ? [!hasCredit(photo) ? t('photos.noCredit') : '', !hasAltText(photo) ? t('photos.noAlt') : ''].filter(Boolean)
    : [];
  return (
    <figure
      {...attributes}
      className={missing.length > 0 ? 'figure figure-missing' : 'figure'}
      contentEditable={false}
      data-testid="figure"
      data-photo-id={element.photoId}
    >
      <PhotoImage id={element.photoId} kind="preview" alt={photo?.altText ?? ''} />
      <input
        className="figure-caption"
        data-testid="figure-caption"
        aria-label={t('figure.caption')}
        placeholder={t('figure.caption')}
        value={element.caption}
        maxLength={2000}
        onChange={(event) => setCaption(expandCaptionCodes(event.target.value, codes, { typing: true }))}
        onBlur={(event) => {
          const expanded = expandCaptionCodes(event.target.value, codes);
          if (expanded !== element.caption) setCaption(expanded);
        }}
      />
      <small className="figure-credit" data-testid="figure-credit">
        {photo && hasCredit(photo)
          ? t('figure.credit', { credit: (photo.creator || photo.creditLine).toLocaleUpperCase('vi') })
          : ''}
      </small>
      {missing.length > 0 && (
        <p className="figure-warning" data-testid="figure-warning" role="note">
          {t('figure.missing', { what: missing.join(', ') })}
        </p>
      )}
      {children}
    </figure>
  );
}

/** Inserts a photo as a figure after the body block at `after` (or the cursor's, or at the end). */
export function insertFigure(editor: ArticleEditor, photo: Photo, after?: number): void {
  const figure: FigureElement = {
    type: 'figure',
    photoId: photo.id,
    caption: photo.description,
    children: [{ text: '' }],
  };
  const cursor = editor.selection?.anchor.path[0];
  const block = after ?? (cursor !== undefined && cursor >= 2 ? cursor : editor.children.length - 1);
  const at = Path.next([Math.max(block, 1)]);
  Transforms.insertNodes(editor, figure, { at });
  // A paragraph after a figure at the end, so the reporter can write on.
  if (at[0] === editor.children.length - 1)
    Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] }, { at: Path.next(at) });
}
