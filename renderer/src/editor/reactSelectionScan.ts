const contentEditable = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable');

/**
 * Keeps React DOM from walking the whole editor before every commit.
 *
 * While the focus is in an element whose `contentEditable` property reads `"true"`, React DOM,
 * before each commit anywhere in the app, records the selection as character offsets by
 * visiting every node of that element (`getSelectionInformation`), so that it could put the
 * selection back if the commit moved the focus. In a 10,000-block article that walk was the
 * largest cost of a keystroke (bench/typing.ts with PROFILE). Slate keeps the selection in its
 * model and writes it back to the DOM after each render, so React's copy is never needed here.
 *
 * The editor root therefore answers `"inherit"` instead of `"true"` when the property is read.
 * Only the property is shadowed, on this one element: the `contenteditable` attribute, which
 * makes the browser edit, and `isContentEditable`, which Slate reads, are untouched; a read-only
 * editor still reads `"false"`. React still gives the focus back to the editor if a commit
 * takes it; it only skips restoring the caret, which Slate does itself.
 */
export function hideFromReactSelectionScan(element: HTMLElement | null): void {
  if (!element || !contentEditable || Object.hasOwn(element, 'contentEditable')) return;
  Object.defineProperty(element, 'contentEditable', {
    configurable: true,
    get(this: HTMLElement) {
      const value = contentEditable.get?.call(this) as string;
      return value === 'true' ? 'inherit' : value;
    },
    set(this: HTMLElement, value: string) {
      contentEditable.set?.call(this, value);
    },
  });
}
