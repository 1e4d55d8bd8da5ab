import type { Descendant } from 'slate';
import type { ArticleBody } from '../../../shared/article/article';
import type { ArticleElement } from './customTypes';

export interface ArticleContent {
  headline: string;
  body: ArticleBody;
}

/** The editor's document: the headline first, then the body's blocks. */
export const toDocument = (content: ArticleContent): ArticleElement[] => [
  { type: 'headline', children: [{ text: content.headline }] },
  ...content.body.map((block): ArticleElement => ({ type: 'paragraph', children: block.children.map((leaf) => ({ text: leaf.text })) })),
];

const textOf = (node: Descendant): string => ('text' in node ? node.text : node.children.map(textOf).join(''));

export function fromDocument(document: readonly Descendant[]): ArticleContent {
  const [first, ...rest] = document;
  const headline = first && 'type' in first && first.type === 'headline' ? textOf(first) : '';
  const blocks = first && 'type' in first && first.type === 'headline' ? rest : document;
  return {
    headline,
    body: blocks.map((node) => ({ type: 'paragraph', children: [{ text: textOf(node) }] })),
  };
}
