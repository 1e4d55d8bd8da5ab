import { useCallback, useRef } from 'react';
import type { RefObject } from 'react';
import type { Descendant } from 'slate';
import type { Article, ArticleContent } from '../../../shared/article/article';
import type { ArticleMeta } from '../inspector/Inspector';
import type { EditedText } from './articleDocument';
import { fromDocument } from './articleDocument';
import { toSave } from './articleMeta';

export interface EditedTextSource {
  /** The text on screen; the same object while the document did not change. */
  currentText: () => EditedText;
  /** The document as Slate last reported it. */
  setDocument: (value: Descendant[]) => void;
}

/**
 * The article text is derived from the document only when something reads it (a save, the
 * panels, the copy desk), never on every keystroke.
 */
export function useEditedText(article: Article, initialValue: Descendant[]): EditedTextSource {
  const valueRef = useRef<Descendant[]>(initialValue);
  const textCache = useRef<{ value: Descendant[]; text: EditedText }>({
    value: initialValue,
    text: { headline: article.headline, lead: article.lead, body: article.body },
  });
  const currentText = useCallback((): EditedText => {
    if (textCache.current.value !== valueRef.current)
      textCache.current = { value: valueRef.current, text: fromDocument(valueRef.current) };
    return textCache.current.text;
  }, []);
  const setDocument = useCallback((value: Descendant[]) => {
    valueRef.current = value;
  }, []);
  return { currentText, setDocument };
}

/** The content a save would send, the same object while neither text nor meta changed (so a preview can skip a rebuild). */
export function useContentSnapshot(
  currentText: () => EditedText,
  metaRef: RefObject<ArticleMeta>,
): () => ArticleContent {
  const cache = useRef<{ text?: EditedText; meta?: ArticleMeta; content?: ArticleContent }>({});
  return useCallback((): ArticleContent => {
    const text = currentText();
    const last = cache.current;
    if (last.content && last.text === text && last.meta === metaRef.current) return last.content;
    const content = toSave(text, metaRef.current);
    cache.current = { text, meta: metaRef.current, content };
    return content;
  }, [currentText, metaRef]);
}
