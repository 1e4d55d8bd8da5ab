import { Node } from 'slate';
import type { Descendant } from 'slate';
import type { ArticleBody, ArticleContent, Block, Inline } from '../../../shared/article/article';
import type { ArticleElement } from './customTypes';

/** The part of an article the text editor edits; the inspector edits the rest. */
export type EditedText = Pick<ArticleContent, 'headline' | 'lead' | 'body'>;

const bodyTypes = new Set<string>([
  'paragraph',
  'heading',
  'blockquote',
  'bulleted-list',
  'numbered-list',
  'figure',
] satisfies Block['type'][]);

/** The editor's document: the headline, the lead, then the body's blocks. */
export const toDocument = (content: EditedText): ArticleElement[] => [
  { type: 'headline', children: [{ text: content.headline }] },
  { type: 'lead', children: content.lead },
  ...content.body,
];

export function fromDocument(document: readonly Descendant[]): EditedText {
  const [headline, lead, ...body] = document;
  const isElement = (node: Descendant | undefined, type: string) =>
    node !== undefined && 'type' in node && node.type === type;
  return {
    headline: isElement(headline, 'headline') && headline ? Node.string(headline) : '',
    lead: isElement(lead, 'lead') && lead && 'children' in lead ? (lead.children as Inline[]) : [{ text: '' }],
    body: body.filter((node) => 'type' in node && bodyTypes.has(node.type)) as ArticleBody,
  };
}
