import type { ArticleContent, Block, Inline } from './article';

/** The article with every piece of its text passed through `change` (marks, links, structure kept). */
export function mapText(
  content: Pick<ArticleContent, 'headline' | 'lead' | 'body'>,
  change: (text: string) => string,
): Pick<ArticleContent, 'headline' | 'lead' | 'body'> {
  const inlines = (children: Inline[]): Inline[] =>
    children.map((child) =>
      'type' in child
        ? { ...child, children: child.children.map((leaf) => ({ ...leaf, text: change(leaf.text) })) }
        : { ...child, text: change(child.text) },
    );
  const block = (item: Block): Block => {
    switch (item.type) {
      case 'bulleted-list':
      case 'numbered-list':
        return {
          ...item,
          children: item.children.map((listItem) => ({ ...listItem, children: inlines(listItem.children) })),
        };
      case 'figure':
        return { ...item, caption: change(item.caption) };
      default:
        return { ...item, children: inlines(item.children) };
    }
  };
  return { headline: change(content.headline), lead: inlines(content.lead), body: content.body.map(block) };
}
