import { useState } from 'react';
import type { EditorNote } from '../../../shared/article/article';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  notes: EditorNote[];
  /** Ids of notes anchored to a passage of the text. */
  anchored: ReadonlySet<string>;
  author: string;
  onChange: (notes: EditorNote[]) => void;
}

/** Notes for the desk: kept with the article, never exported. */
export function NotesPanel({ notes, anchored, author, onChange }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const add = () => {
    const text = draft.trim();
    if (!text) return;
    const id = `n${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    onChange([...notes, { id, text, author, createdAt: new Date().toISOString(), resolved: false }]);
    setDraft('');
  };
  return (
    <div className="notes" data-testid="notes">
      <ul>
        {notes.map((note) => (
          <li key={note.id} className={note.resolved ? 'resolved' : undefined}>
            <label>
              <input
                type="checkbox"
                checked={note.resolved}
                onChange={() => onChange(notes.map((n) => (n.id === note.id ? { ...n, resolved: !n.resolved } : n)))}
              />
              {note.text}
            </label>
            <small>
              {note.author || '—'}
              {anchored.has(note.id) && ` · ${t('inspector.onPassage')}`}
            </small>
          </li>
        ))}
      </ul>
      <textarea
        aria-label={t('inspector.newNote')}
        data-testid="new-note"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        rows={2}
      />
      <button type="button" className="link-button" data-testid="add-note" onClick={add}>
        {t('inspector.addNote')}
      </button>
    </div>
  );
}
