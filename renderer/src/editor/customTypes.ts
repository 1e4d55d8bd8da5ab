import type { LegacyEncoding } from '../../../shared/text/legacyEncodings';
import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { Block, Link, ListItem, TextLeaf } from '../../../shared/article/article';
import type { CopyDeskRule } from '../../../shared/copydesk/checks';

export interface HeadlineElement {
  type: 'headline';
  children: TextLeaf[];
}

/** The lead (sapo): opened on screen and in export by the outlet prefix, which is not part of its text. */
export interface LeadElement {
  type: 'lead';
  children: (TextLeaf | Link)[];
}

export type ListItemElement = ListItem;

export type ArticleElement = HeadlineElement | LeadElement | Block | ListItemElement | Link;
export type BlockType = Block['type'];

export type ArticleEditor = BaseEditor &
  ReactEditor &
  HistoryEditor & {
    /** Told when pasted text was TCVN3 or VNI and was converted to Unicode (the workspace shows a notice). */
    onLegacyConverted?: (encoding: LegacyEncoding) => void;
  };

// The one place the editor's custom node types are declared: the shared article model's own.
declare module 'slate' {
  interface CustomTypes {
    Editor: ArticleEditor;
    Element: ArticleElement;
    /** `copyDesk` exists only on decorated leaves while rendering; it is never stored. */
    Text: TextLeaf & { copyDesk?: CopyDeskRule };
  }
}
