import { Element, Node, Path, Text } from 'slate';
import type { BaseRange, NodeEntry } from 'slate';
import type { CopyDeskRule, Finding, Place } from '../../../shared/copydesk/checks';
import type { ArticleEditor } from './customTypes';

export interface CopyDeskRange extends BaseRange {
  copyDesk: CopyDeskRule;
}

/** The Slate path of the block (or list item) a finding's place names. */
export function placePath(place: Place): Path {
  if (place.field === 'headline') return [0];
  if (place.field === 'lead') return [1];
  const block = (place.block ?? 0) + 2;
  return place.item === undefined ? [block] : [block, place.item];
}

/** The Slate range of a finding: its offsets in the block's plain text mapped onto the text nodes. */
export function findingRange(editor: ArticleEditor, finding: Finding): BaseRange | undefined {
  const blockPath = placePath(finding.place);
  if (!Node.has(editor, blockPath)) return undefined;
  let offset = 0;
  let anchor: BaseRange['anchor'] | undefined;
  for (const [text, relative] of Node.texts(Node.get(editor, blockPath))) {
    const path = [...blockPath, ...relative];
    const end = offset + text.text.length;
    if (!anchor && finding.start >= offset && finding.start <= end) anchor = { path, offset: finding.start - offset };
    if (anchor && finding.end >= offset && finding.end <= end)
      return { anchor, focus: { path, offset: finding.end - offset } };
    offset = end;
  }
  return undefined;
}

/** Slate `decorate`: underlines the parts of a text node that findings are about. */
export function decorateFindings(findings: readonly Finding[]) {
  const byBlock = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = placePath(finding.place).join('.');
    byBlock.set(key, [...(byBlock.get(key) ?? []), finding]);
  }
  return (editor: ArticleEditor, [node, path]: NodeEntry): CopyDeskRange[] => {
    if (!Text.isText(node) || byBlock.size === 0) return [];
    const ancestorKey = [path.slice(0, 2), path.slice(0, 1)]
      .map((candidate) => candidate.join('.'))
      .find((key) => byBlock.has(key));
    if (!ancestorKey) return [];
    const blockPath = ancestorKey.split('.').map(Number);
    const block = Node.get(editor, blockPath);
    if (!Element.isElement(block)) return [];
    let start = 0;
    for (const [text, relative] of Node.texts(block)) {
      if (Path.equals([...blockPath, ...relative], path)) break;
      start += text.text.length;
    }
    const end = start + node.text.length;
    return (byBlock.get(ancestorKey) ?? [])
      .filter((finding) => finding.start < end && finding.end > start)
      .map((finding) => ({
        anchor: { path, offset: Math.max(finding.start, start) - start },
        focus: { path, offset: Math.min(finding.end, end) - start },
        copyDesk: finding.rule,
      }));
  };
}
