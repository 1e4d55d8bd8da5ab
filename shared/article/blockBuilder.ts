import { toNfc } from '../text/nfc';
import type { Block, Inline, ListItem, TextLeaf } from './article';

/** Marks a run of text carries. */
export interface Marks {
  bold?: true;
  italic?: true;
}

export type Pending =
  { kind: 'text'; style: 'paragraph' | 'heading-2' | 'heading-3' | 'blockquote' } | { kind: 'item'; ordered: boolean };

/** Builds blocks from runs of text: a pasted or imported document, walked in order. */
export class BlockBuilder {
  readonly blocks: Block[] = [];
  private inlines: Inline[] = [];
  private pending: Pending = { kind: 'text', style: 'paragraph' };

  text(value: string, marks: Marks, target: Inline[] = this.inlines): void {
    const text = value.replace(/[\s\u00a0]+/g, ' ');
    if (text === '') return;
    const last = target[target.length - 1];
    if (last && !('type' in last) && last.bold === marks.bold && last.italic === marks.italic) {
      last.text += text;
      return;
    }
    target.push({ text, ...marks });
  }

  link(url: string, children: TextLeaf[]): void {
    if (children.length > 0) this.inlines.push({ type: 'link', url, children });
  }

  start(pending: Pending): void {
    this.end();
    this.pending = pending;
  }

  /** Closes the block being built; empty ones vanish. */
  end(): void {
    const inlines = trim(this.inlines);
    this.inlines = [];
    const pending = this.pending;
    this.pending = { kind: 'text', style: 'paragraph' };
    if (inlines.length === 0) return;
    const children = inlines.map(normalizeInline);
    if (pending.kind === 'item') {
      const item: ListItem = { type: 'list-item', children };
      const type = pending.ordered ? 'numbered-list' : 'bulleted-list';
      const last = this.blocks[this.blocks.length - 1];
      if (last && last.type === type) last.children.push(item);
      else this.blocks.push({ type, children: [item] });
      return;
    }
    if (pending.style === 'heading-2' || pending.style === 'heading-3') {
      this.blocks.push({ type: 'heading', level: pending.style === 'heading-2' ? 2 : 3, children });
    } else {
      this.blocks.push({ type: pending.style, children });
    }
  }
}

const normalizeInline = (inline: Inline): Inline =>
  'type' in inline
    ? { ...inline, children: inline.children.map((leaf) => ({ ...leaf, text: toNfc(leaf.text) })) }
    : { ...inline, text: toNfc(inline.text) };

/** Trims spaces at the block's edges and drops leaves left empty. */
function trim(inlines: Inline[]): Inline[] {
  const first = inlines[0];
  if (first && !('type' in first)) first.text = first.text.replace(/^ +/, '');
  const last = inlines[inlines.length - 1];
  if (last && !('type' in last)) last.text = last.text.replace(/ +$/, '');
  return inlines.filter((inline) =>
    'type' in inline ? inline.children.some((leaf) => leaf.text.trim() !== '') : inline.text !== '',
  );
}
