import type { ArticleStatus } from '../../../shared/article/article';
import type { Photo } from '../../../shared/photos/photo';
import type { SaveState } from '../autosave/Autosaver';

export interface EditorHandle {
  /** Saves what is unsaved; resolves with the state after the attempt. */
  flush: () => Promise<SaveState>;
  /** The version of the article this editor's text is based on (its last save, or as loaded). */
  version: () => number;
  /** Places a photo in the article at the cursor (or at the end). */
  insertPhoto: (photo: Photo) => void;
}

export interface SavedChange {
  id: number;
  version: number;
  headline: string;
  status?: ArticleStatus;
  section: string;
}
