import type { DragEvent } from 'react';
import { createEditor } from 'slate';
import type { Editor } from 'slate';
import { withHistory } from 'slate-history';
import { ReactEditor, withReact } from 'slate-react';
import type { Photo } from '../../../shared/photos/photo';
import type { LegacyEncoding } from '../../../shared/text/legacyEncodings';
import type { PhotoStore } from '../photos/PhotoContext';
import { photoDragType } from '../photos/photoDrag';
import { withArticleLayout } from './withArticleLayout';
import { withBlocks } from './withBlocks';
import { withChunking } from './withChunking';
import { withPaste } from './withPaste';

/** The article editor: Slate with the article's layout, blocks, paste rules and chunking. */
export function createArticleEditor(onLegacyConverted: (encoding: LegacyEncoding) => void): Editor {
  const editor = withChunking(withPaste(withBlocks(withArticleLayout(withHistory(withReact(createEditor()))))));
  editor.onLegacyConverted = onLegacyConverted;
  return editor;
}

/** A photo dragged from the library, placed before the block it was dropped on; false for any other drop. */
export function dropPhoto(
  editor: Editor,
  event: DragEvent,
  photos: PhotoStore,
  place: (photo: Photo, at: number | undefined) => void,
): boolean {
  const id = event.dataTransfer.getData(photoDragType);
  if (!id) return false;
  event.preventDefault();
  const range = ReactEditor.findEventRange(editor, event);
  const photo = photos.get(id);
  if (photo) place(photo, range.anchor.path[0]);
  return true;
}
