import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { Ref } from 'react';
import type { Descendant } from 'slate';
import { Editable, Slate } from 'slate-react';
import type { Api } from '../../../shared/api/contract';
import type { Article, ArticleContent, ArticleStatus, ArticleSummary } from '../../../shared/article/article';
import { anchoredNoteIds } from '../../../shared/article/article';
import type { Finding } from '../../../shared/copydesk/checks';
import type { LegacyEncoding } from '../../../shared/text/legacyEncodings';
import { createArticleTally } from '../../../shared/article/counts';
import type { Settings } from '../../../shared/settings/settings';
import type { Autosaver } from '../autosave/Autosaver';
import type { Shell } from '../client/createClient';
import { useI18n } from '../i18n/I18nProvider';
import { errorKey } from '../i18n/messages';
import { Inspector } from '../inspector/Inspector';
import type { ArticleMeta } from '../inspector/Inspector';
import { createTextStore } from '../inspector/textStore';
import { ExportDialog } from '../export/ExportDialog';
import { HistoryPanel } from '../inspector/HistoryPanel';
import { usePhotoStore } from '../photos/PhotoContext';
import type { Photo } from '../../../shared/photos/photo';
import { insertFigure } from './Figure';
import { SaveStatus } from '../SaveStatus';
import { ConflictBanner } from './ConflictBanner';
import { createArticleEditor, dropPhoto } from './articleEditor';
import type { EditorHandle, SavedChange } from './workspaceTypes';
import { toSave, metaOf } from './articleMeta';
import { applyFindingFix, applyToneStyleEverywhere, jumpToPlace } from './editorActions';
import { EditorPromptField } from './EditorPromptField';
import { keepAsNewArticle } from './keepCopy';
import { LegacyNotice } from './LegacyNotice';
import { useEditorPrompt } from './useEditorPrompt';
import { fromDocument, toDocument } from './articleDocument';
import { useAutosave } from './useAutosave';
import { useContentSnapshot, useEditedText } from './useEditedText';
import { useCopyDesk } from './useCopyDesk';
import { useWorkflow } from './useWorkflow';
import { withPhotoContributor } from '../../../shared/people/photoContributor';
import { handleHotkeys } from './hotkeys';
import { ArticleLeaf, renderChunk, renderElement } from './renderElement';
import { hideFromReactSelectionScan } from './reactSelectionScan';
import { Toolbar } from './Toolbar';

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

export type { EditorHandle, SavedChange } from './workspaceTypes';

export function ArticleWorkspace({ api, shell, article, settings, onSaved, onReload, onCopy, ref }: Props) {
  const { t } = useI18n();
  const photoStore = usePhotoStore();
  const [legacyNotice, setLegacyNotice] = useState<LegacyEncoding>();
  const [exporting, setExporting] = useState(false);
  const editor = useMemo(() => createArticleEditor(setLegacyNotice), []);
  const initialValue = useMemo(() => toDocument(article), [article]);
  const [meta, setMeta] = useState<ArticleMeta>(() => metaOf(article));
  const [anchored, setAnchored] = useState(() => anchoredNoteIds(article));
  const copyDesk = useCopyDesk(editor, article, settings.copyDesk);
  const { currentText, setDocument } = useEditedText(article, initialValue);
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
    setDocument(value);
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
      version: () => autosaver.version,
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

  const applyToneStyle = () => {
    applyToneStyleEverywhere(editor, settings.copyDesk.toneStyle);
    copyDesk.check(fromDocument(editor.children));
  };
  const applyFinding = (finding: Finding) => {
    if (applyFindingFix(editor, finding)) copyDesk.check(fromDocument(editor.children));
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

  const prompt = useEditorPrompt(editor, (id, text) => {
    setAnchored(anchoredNoteIds(fromDocument(editor.children)));
    onMeta({
      notes: [
        ...metaRef.current.notes,
        { id, text, author: settings.userName, createdAt: new Date().toISOString(), resolved: false },
      ],
    });
  });

  const prepareExport = useMemo(() => () => autosaver.flush(), [autosaver]);
  const previewContent = useContentSnapshot(currentText, metaRef);

  /** Saves what is unsaved; the version a restore or a named version is based on, if all is saved. */
  const prepareForHistory = async (): Promise<number | undefined> =>
    (await autosaver.flush()) ? autosaver.version : undefined;

  /** After a conflict: the text on screen becomes a new article, so nothing is lost. */
  const keepCopy = () =>
    keepAsNewArticle(api, toSave(currentText(), metaRef.current), t('conflict.copySuffix'), onCopy);

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
            <Toolbar onLink={() => prompt.start('link')} onNote={() => prompt.start('note')} />
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
              onJump={(place) => jumpToPlace(editor, place)}
              onClose={() => setExporting(false)}
            />
          )}
          <EditorPromptField prompt={prompt} />
          {legacyNotice && <LegacyNotice encoding={legacyNotice} onDismiss={() => setLegacyNotice(undefined)} />}
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
            onKeyDown={(event) => handleHotkeys(editor, event, { link: () => prompt.start('link') })}
            onDrop={(event) => dropPhoto(editor, event, photoStore, placePhoto)}
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
        onToneStyle={applyToneStyle}
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
