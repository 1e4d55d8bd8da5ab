import { useEffect, useImperativeHandle, useMemo } from 'react';
import type { Ref } from 'react';
import { createEditor } from 'slate';
import type { Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, withReact } from 'slate-react';
import type { Api } from '../../../shared/api/contract';
import type { Article } from '../../../shared/article/article';
import { Autosaver } from '../autosave/Autosaver';
import type { SaveState } from '../autosave/Autosaver';
import type { Shell } from '../client/createClient';
import { useI18n } from '../i18n/I18nProvider';
import { SaveStatus } from '../SaveStatus';
import type { ArticleContent } from './articleDocument';
import { fromDocument, toDocument } from './articleDocument';
import { renderElement } from './renderElement';
import { withArticleLayout } from './withArticleLayout';

export interface EditorHandle {
  /** Saves what is unsaved; resolves with the state after the attempt. */
  flush: () => Promise<SaveState>;
}

export interface SavedChange extends ArticleContent {
  id: number;
  version: number;
}

interface Props {
  api: Api;
  shell: Shell;
  article: Article;
  onSaved: (change: SavedChange) => void;
  ref?: Ref<EditorHandle>;
}

export function ArticleEditorView({ api, shell, article, onSaved, ref }: Props) {
  const { t } = useI18n();
  const editor = useMemo(() => withArticleLayout(withHistory(withReact(createEditor()))), []);
  const initialValue = useMemo(() => toDocument(article), [article]);
  const autosaver = useMemo(
    () =>
      new Autosaver<ArticleContent>({
        baseVersion: article.version,
        save: async (content, baseVersion) => api['articles.save']({ id: article.id, baseVersion, ...content }),
      }),
    [api, article],
  );

  useEffect(
    () => autosaver.subscribeSaved((content, version) => onSaved({ id: article.id, version, ...content })),
    [autosaver, article.id, onSaved],
  );

  useImperativeHandle(ref, () => ({ flush: async () => (await autosaver.flush(), autosaver.current) }), [autosaver]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosaver.hasUnsaved) return;
      event.preventDefault();
      // The desktop shell keeps the window open until the save returned, then closes it.
      void autosaver.flush().then((saved) => {
        if (saved && shell === 'desktop') window.close();
      });
    };
    const onPageHide = () => void autosaver.flush();
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
      void autosaver.flush().finally(() => autosaver.dispose());
    };
  }, [autosaver, shell]);

  const onChange = (value: Descendant[]) => {
    if (editor.operations.some((operation) => operation.type !== 'set_selection')) {
      autosaver.change(fromDocument(value));
    }
  };

  const render = useMemo(() => renderElement(t('editor.headlinePlaceholder')), [t]);

  return (
    <div className="editor-pane">
      <div className="editor-toolbar">
        <SaveStatus autosaver={autosaver as Autosaver<unknown>} />
      </div>
      <Slate editor={editor} initialValue={initialValue} onChange={onChange}>
        <Editable
          className="editor"
          data-testid="editor"
          aria-label={t('editor.bodyLabel')}
          renderElement={render}
          spellCheck
          onCompositionStart={() => autosaver.setComposing(true)}
          onCompositionEnd={() => autosaver.setComposing(false)}
        />
      </Slate>
    </div>
  );
}
