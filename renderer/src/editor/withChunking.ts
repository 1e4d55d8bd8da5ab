import { Editor } from 'slate';
import type { ArticleEditor } from './customTypes';

/** Blocks per chunk: the size Slate's performance guide recommends. */
const chunkSize = 1000;

/**
 * Slate's chunking: long articles re-render only the chunk being typed in. The benchmark
 * (bench/typing.ts) switches it off with localStorage `newsroom.debug.chunking = off`.
 */
export function withChunking<T extends ArticleEditor>(editor: T): T {
  if (localStorage.getItem('newsroom.debug.chunking') === 'off') return editor;
  editor.getChunkSize = (node) => (Editor.isEditor(node) ? chunkSize : null);
  return editor;
}
