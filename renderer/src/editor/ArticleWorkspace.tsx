import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { Ref } from 'react';
import { createEditor, Editor, Node, Transforms } from 'slate';
import type { BaseSelection, Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, ReactEditor, Slate, withReact } from 'slate-react';
import type { Api } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { Article, ArticleContent, ArticleStatus, ArticleSummary } from '../../../shared/article/article';
import { anchoredNoteIds } from '../../../shared/article/article';
import type { Finding } from '../../../shared/copydesk/checks';
import type { LegacyEncoding } from '../../../shared/text/legacyEncodings';
import { applyToneStyle } from '../../../shared/text/toneStyle';
import { createArticleTally } from '../../../shared/article/counts';
import type { Settings } from '../../../shared/settings/settings';
import type { Autosaver, SaveState } from '../autosave/Autosaver';
import type { Shell } from '../client/createClient';
import { useI18n } from '../i18n/I18nProvider';
import { errorKey } from '../i18n/messages';
import { Inspector } from '../inspector/Inspector';
import type { ArticleMeta } from '../inspector/Inspector';
import { createTextStore } from '../inspector/textStore';
import { ExportDialog } from '../export/ExportDialog';
import type { PreflightPlace } from '../../../shared/export/preflight';
import { HistoryPanel } from '../inspector/HistoryPanel';
import { usePhotoStore } from '../photos/PhotoContext';
import { photoDragType } from '../photos/PhotoLibrary';
import type { Photo } from '../../../shared/photos/photo';
import { insertFigure } from './Figure';
import { SaveStatus } from '../SaveStatus';
import { ConflictBanner } from './ConflictBanner';
import type { EditedText } from './articleDocument';
import { fromDocument, toDocument } from './articleDocument';
import { findingRange } from './copyDeskRanges';
import { useAutosave } from './useAutosave';
import { useCopyDesk } from './useCopyDesk';
import { useWorkflow } from './useWorkflow';
import { withPhotoContributor } from '../../../shared/people/photoContributor';
import { handleHotkeys } from './hotkeys';
import { InlinePrompt } from './InlinePrompt';
import { ArticleLeaf, renderChunk, renderElement } from './renderElement';
import { withChunking } from './withChunking';
import { hideFromReactSelectionScan } from './reactSelectionScan';
import { Toolbar } from './Toolbar';
import { withArticleLayout } from './withArticleLayout';
import { addNoteMark, setLink, withBlocks } from './withBlocks';
import { withPaste } from './withPaste';

export interface EditorHandle {
  /** Saves what is unsaved; resolves with the state after the attempt. */
  flush: () => Promise<SaveState>;
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

interface Props {
  api: Api;
  shell: Shell;
  article: Article;
  settings: Settings;
  onSaved: (change: SavedChange) => void;
  /** Loads the article again from the archive, dropping this workspace. */
  onReload: () => void;
  onCopy: (article: ArticleSummary) => void;
  ref?: Ref<EditorHandle>;
}

/** The article without its text: what the inspector edits (these fields exactly, as a save sends them). */
const metaKeys = [
  'outletPrefix',
  'kind',
  'contributors',
  'section',
  'tags',
  'slug',
  'targetWords',
  'notes',
] as const satisfies readonly (keyof ArticleMeta)[];
const metaOf = (article: Article): ArticleMeta =>
  Object.fromEntries(metaKeys.map((key) => [key, article[key]])) as unknown as ArticleMeta;

/** Contributors still being typed (no name yet) stay on screen but are not saved. */
const toSave = (text: EditedText, meta: ArticleMeta): ArticleContent => ({
  ...text,
  ...meta,
  contributors: meta.contributors.filter((contributor) => contributor.name.trim() !== ''),
});

export function ArticleWorkspace({ api, shell, article, settings, onSaved, onReload, onCopy, ref }: Props) {
  const { t } = useI18n();
  const photoStore = usePhotoStore();
  const [legacyNotice, setLegacyNotice] = useState<LegacyEncoding>();
  const [exporting, setExporting] = useState(false);
  const editor = useMemo(() => {
    const created = withChunking(withPaste(withBlocks(withArticleLayout(withHistory(withReact(createEditor()))))));
    created.onLegacyConverted = setLegacyNotice;
    return created;
  }, []);
  const initialValue = useMemo(() => toDocument(article), [article]);
  const [meta, setMeta] = useState<ArticleMeta>(() => metaOf(article));
  const [anchored, setAnchored] = useState(() => anchoredNoteIds(article));
  const copyDesk = useCopyDesk(editor, article, settings.copyDesk);
  const [prompt, setPrompt] = useState<{ kind: 'link' | 'note'; selection: BaseSelection }>();
  // The document as Slate last reported it; the article text is derived from it only when
  // something reads it (a save, the panels, the copy desk), never on every keystroke.
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
  const metaRef = useRef(meta);
  // Counts kept per block, so an update in a long article counts only the blocks that changed.
  const tallyArticle = useMemo(() => createArticleTally(), []);
  const textStore = useMemo(
    () => createTextStore({ headline: article.headline, tally: tallyArticle(article) }),
    [article, tallyArticle],
  );
  const autosaver = useAutosave(
    api,
    article,
    shell,
    useCallback(
      (content: ArticleContent, version: number) =>
        onSaved({ id: article.id, version, headline: content.headline, section: content.section }),
      [article.id, onSaved],
    ),
  );
  useEffect(() => () => textStore.dispose(), [textStore]);

  const onChange = (value: Descendant[]) => {
    if (!editor.operations.some((operation) => operation.type !== 'set_selection')) return;
    valueRef.current = value;
    textStore.set(() => {
      const text = currentText();
      return { headline: text.headline, tally: tallyArticle(text) };
    });
    copyDesk.checkSoon(currentText);
    autosaver.change(() => toSave(currentText(), metaRef.current));
  };

  const onMeta = (changes: Partial<ArticleMeta>) => {
    const next = { ...metaRef.current, ...changes };
    metaRef.current = next;
    setMeta(next);
    autosaver.change(() => toSave(currentText(), next));
  };

  /**
   * A photo placed in the article: a figure with the photo's description as its caption, and
   * the photo's creator among the article's contributors (role photo), so the credit line names them.
   */
  const placePhoto = (photo: Photo, after?: number) => {
    insertFigure(editor, photo, after);
    const contributors = withPhotoContributor(metaRef.current.contributors, photo.creator);
    if (contributors) onMeta({ contributors });
  };
  const placePhotoRef = useRef(placePhoto);
  useEffect(() => {
    placePhotoRef.current = placePhoto;
  });

  useImperativeHandle(
    ref,
    () => ({
      flush: async () => (await autosaver.flush(), autosaver.current),
      insertPhoto: (photo: Photo) => placePhotoRef.current(photo),
    }),
    [autosaver],
  );

  const workflow = useWorkflow(api, article, autosaver, settings.userName);
  const onMove = async (to: ArticleStatus) => {
    const version = await workflow.move(to);
    if (version === undefined) return;
    onSaved({
      id: article.id,
      version,
      headline: currentText().headline,
      status: to,
      section: metaRef.current.section,
    });
  };

  /** The desk's tone-mark style on every word, as one undoable change. */
  const applyToneStyleEverywhere = () => {
    Editor.withoutNormalizing(editor, () => {
      for (const [node, path] of Node.texts(editor)) {
        const converted = applyToneStyle(node.text, settings.copyDesk.toneStyle);
        if (converted !== node.text) Transforms.insertText(editor, converted, { at: path });
      }
    });
    copyDesk.check(fromDocument(editor.children));
  };

  const applyFinding = (finding: Finding) => {
    const range = findingRange(editor, finding);
    if (!range || finding.fix === undefined) return;
    Transforms.insertText(editor, finding.fix, { at: range });
    copyDesk.check(fromDocument(editor.children));
  };

  const render = useMemo(
    () =>
      renderElement({
        headlinePlaceholder: t('editor.headlinePlaceholder'),
        leadPlaceholder: t('editor.leadPlaceholder'),
        outletPrefix:
          (meta.outletPrefix ?? settings.outletPrefix)
            ? `${meta.outletPrefix ?? settings.outletPrefix}${settings.outletSeparator}`
            : '',
        captionCodes: settings.captionCodes,
      }),
    [t, meta.outletPrefix, settings.outletPrefix, settings.outletSeparator, settings.captionCodes],
  );

  // Slate syncs its selection from the DOM asynchronously; a quick Shift+Arrow then Ctrl+K must
  // act on what the reporter sees selected, so the DOM selection is read directly.
  const startPrompt = (kind: 'link' | 'note') => {
    const dom = window.getSelection();
    const live =
      dom && dom.rangeCount > 0
        ? ReactEditor.toSlateRange(editor, dom, { exactMatch: false, suppressThrow: true })
        : null;
    setPrompt({ kind, selection: live ?? editor.selection });
  };
  const applyPrompt = (value: string): boolean => {
    if (!prompt) return false;
    if (prompt.selection) Transforms.select(editor, prompt.selection);
    let done: boolean;
    if (prompt.kind === 'link') {
      done = setLink(editor, value);
    } else {
      const text = value.trim();
      const id = `n${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      done = text !== '' && addNoteMark(editor, id);
      if (done) {
        setAnchored(anchoredNoteIds(fromDocument(editor.children)));
        onMeta({
          notes: [
            ...metaRef.current.notes,
            { id, text, author: settings.userName, createdAt: new Date().toISOString(), resolved: false },
          ],
        });
      }
    }
    if (done) {
      setPrompt(undefined);
      ReactEditor.focus(editor);
    }
    return done;
  };

  const prepareExport = useMemo(() => () => autosaver.flush(), [autosaver]);
  // The same object while neither the text nor the meta changed, so the preview can tell it needs no rebuild.
  const previewCache = useRef<{ text?: EditedText; meta?: ArticleMeta; content?: ArticleContent }>({});
  const previewContent = useCallback((): ArticleContent => {
    const text = currentText();
    const cache = previewCache.current;
    if (cache.content && cache.text === text && cache.meta === metaRef.current) return cache.content;
    const content = toSave(text, metaRef.current);
    previewCache.current = { text, meta: metaRef.current, content };
    return content;
  }, [currentText]);
  /** A preflight item's place in the editor: headline, lead, or a body block (the document holds headline and lead first). */
  const jumpTo = (place: PreflightPlace) => {
    const index =
      place.field === 'headline'
        ? 0
        : place.field === 'lead'
          ? 1
          : place.field === 'body'
            ? 2 + place.block
            : undefined;
    if (index === undefined || index >= editor.children.length) return;
    Transforms.select(editor, Editor.start(editor, [index]));
    ReactEditor.focus(editor);
  };

  /** Saves what is unsaved; the version a restore or a named version is based on, if all is saved. */
  const prepareForHistory = async (): Promise<number | undefined> =>
    (await autosaver.flush()) ? autosaver.version : undefined;

  /** After a conflict: the text on screen becomes a new article, so nothing is lost. */
  const keepCopy = async (): Promise<ApiError | undefined> => {
    const content = toSave(currentText(), metaRef.current);
    const created = await api['articles.create']({});
    if (!created.ok) return created.error;
    const copy = { ...content, headline: `${content.headline} ${t('conflict.copySuffix')}`.trim().slice(0, 500) };
    const saved = await api['articles.save']({ id: created.value.id, baseVersion: created.value.version, ...copy });
    if (!saved.ok) return saved.error;
    onCopy({ ...created.value, headline: copy.headline, section: copy.section, version: saved.value.version });
    return undefined;
  };

  const versions = (
    <HistoryPanel
      api={api}
      articleId={article.id}
      current={() => ({ ...toSave(currentText(), metaRef.current), status: workflow.status })}
      template={settings.creditTemplate}
      prepare={prepareForHistory}
      onRestored={onReload}
    />
  );

  return (
    <div className="workspace-grid">
      <div className="editor-pane">
        <Slate editor={editor} initialValue={initialValue} onChange={onChange}>
          <div className="editor-toolbar">
            <Toolbar onLink={() => startPrompt('link')} onNote={() => startPrompt('note')} />
            <SaveStatus autosaver={autosaver as Autosaver<unknown>} />
            <button type="button" className="secondary" data-testid="export-open" onClick={() => setExporting(true)}>
              {t('export.open')}
            </button>
          </div>
          {exporting && (
            <ExportDialog
              api={api}
              articleId={article.id}
              settings={settings}
              content={previewContent}
              prepare={prepareExport}
              onJump={jumpTo}
              onClose={() => setExporting(false)}
            />
          )}
          {prompt?.kind === 'link' && (
            <InlinePrompt
              label="toolbar.linkUrl"
              submit="toolbar.linkApply"
              refused="toolbar.linkRefused"
              initial="https://"
              testId="link-url"
              onSubmit={applyPrompt}
              onCancel={() => setPrompt(undefined)}
            />
          )}
          {prompt?.kind === 'note' && (
            <InlinePrompt
              label="toolbar.noteText"
              submit="toolbar.noteApply"
              refused="toolbar.noteRefused"
              initial=""
              testId="note-text"
              onSubmit={applyPrompt}
              onCancel={() => setPrompt(undefined)}
            />
          )}
          {legacyNotice && (
            <p className="notice" role="status" data-testid="legacy-notice">
              {t('legacy.converted', { encoding: t(`legacy.${legacyNotice}`) })}{' '}
              <button type="button" onClick={() => setLegacyNotice(undefined)}>
                {t('legacy.dismiss')}
              </button>
            </p>
          )}
          <ConflictBanner autosaver={autosaver as Autosaver<unknown>} onReload={onReload} onKeepCopy={keepCopy} />
          {workflow.error && (
            <p className="error" role="alert">
              {t(errorKey(workflow.error.code))}
            </p>
          )}
          <Editable
            className="editor"
            data-testid="editor"
            aria-label={t('editor.bodyLabel')}
            renderElement={render}
            renderLeaf={ArticleLeaf}
            renderChunk={renderChunk}
            ref={hideFromReactSelectionScan}
            decorate={copyDesk.decorate}
            spellCheck
            onKeyDown={(event) => handleHotkeys(editor, event, { link: () => startPrompt('link') })}
            onDrop={(event) => {
              const id = event.dataTransfer.getData(photoDragType);
              if (!id) return false;
              event.preventDefault();
              const range = ReactEditor.findEventRange(editor, event);
              const photo = photoStore.get(id);
              if (photo) placePhoto(photo, range.anchor.path[0]);
              return true;
            }}
            onCompositionStart={() => autosaver.setComposing(true)}
            onCompositionEnd={() => autosaver.setComposing(false)}
          />
        </Slate>
      </div>
      <Inspector
        meta={meta}
        anchoredNotes={anchored}
        findings={copyDesk.findings}
        onFix={applyFinding}
        onToneStyle={applyToneStyleEverywhere}
        onMeta={onMeta}
        settings={settings}
        status={workflow.status}
        history={workflow.history}
        onMove={(to) => void onMove(to)}
        text={textStore}
        versions={versions}
      />
    </div>
  );
}
