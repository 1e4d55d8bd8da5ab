import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';

export interface PlainText {
  text: string;
}

export interface HeadlineElement {
  type: 'headline';
  children: PlainText[];
}

export interface ParagraphElement {
  type: 'paragraph';
  children: PlainText[];
}

export type ArticleElement = HeadlineElement | ParagraphElement;

export type ArticleEditor = BaseEditor & ReactEditor & HistoryEditor;

// The one place the editor's custom node types are declared.
declare module 'slate' {
  interface CustomTypes {
    Editor: ArticleEditor;
    Element: ArticleElement;
    Text: PlainText;
  }
}
