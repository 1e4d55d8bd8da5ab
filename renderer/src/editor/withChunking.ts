import { Editor } from 'slate';
import type { ArticleEditor } from './customTypes';

/** Blocks per chunk: 100 measured best here (bench/typing.ts; 1,000 gained nothing at 2,000 blocks). */
const chunkSize = 100;

/**
 * Slate's chunking: long articles re-render only the chunk being typed in. The benchmark
 * (bench/typing.ts) switches it off with localStorage `newsroom.debug.chunking = off`.
 */
export function withChunking<T extends ArticleEditor>(editor: T): T {
  if (localStorage.getItem('newsroom.debug.chunking') === 'off') return editor;
  editor.getChunkSize = (node) => (Editor.isEditor(node) ? chunkSize : null);
  return editor;
}
