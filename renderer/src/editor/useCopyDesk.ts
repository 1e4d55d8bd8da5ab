import { useEffect, useMemo, useRef, useState } from 'react';
import type { Editor, NodeEntry } from 'slate';
import { ReactEditor } from 'slate-react';
import type { Finding } from '../../../shared/copydesk/checks';
import { articleSegments, checkSegments } from '../../../shared/copydesk/checks';
import type { Settings } from '../../../shared/settings/settings';
import type { EditedText } from './articleDocument';
import { decorateFindings } from './copyDeskRanges';

export interface CopyDesk {
  findings: Finding[];
  /** Checks the text now (after a fix, a tone-style change). */
  check: (text: EditedText) => void;
  /** Checks the text half a second after typing stops, never mid-composition. */
  checkSoon: (text: () => EditedText) => void;
  /** Slate's decorate: the findings underlined in the text. */
  decorate: (entry: NodeEntry) => ReturnType<ReturnType<typeof decorateFindings>>;
}

/** The copy desk's findings on the article in the editor, with the desk's rules. */
export function useCopyDesk(editor: Editor, initial: EditedText, rules: Settings['copyDesk']): CopyDesk {
  const [findings, setFindings] = useState<Finding[]>(() => checkSegments(articleSegments(initial), rules));
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const decorate = useMemo(() => {
    const decorateWith = decorateFindings(findings);
    return (entry: NodeEntry) => decorateWith(editor, entry);
  }, [editor, findings]);
  // A render only when the findings changed: a needless one would make Slate restore a
  // selection that lags the one the reporter is still extending.
  const check = (text: EditedText) => {
    const next = checkSegments(articleSegments(text), rules);
    setFindings((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
  };
  const checkSoon = (text: () => EditedText) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!ReactEditor.isComposing(editor)) check(text());
    }, 500);
  };
  return { findings, check, checkSoon, decorate };
}
