import type { ReactNode } from 'react';
import { Node } from 'slate';
import type { RenderChunkProps, RenderElementProps, RenderLeafProps } from 'slate-react';
import type { CaptionCode } from '../../../shared/photos/photo';
import { safeUrl } from '../../../shared/text/safeUrl';
import { Figure } from './Figure';

export interface RenderOptions {
  headlinePlaceholder: string;
  leadPlaceholder: string;
  /** The outlet prefix shown before the lead: not part of its text. */
  outletPrefix: string;
  /** Short codes that expand in captions (settings). */
  captionCodes: readonly CaptionCode[];
}

export function renderElement(options: RenderOptions) {
  return function ArticleBlock({ attributes, children, element }: RenderElementProps) {
    switch (element.type) {
      case 'headline':
        return (
          <h1
            {...attributes}
            className="headline"
            data-testid="headline"
            data-placeholder={options.headlinePlaceholder}
            data-empty={Node.string(element) === ''}
          >
            {children}
          </h1>
        );
      case 'lead':
        return (
          <p
            {...attributes}
            className="lead"
            data-testid="lead"
            data-placeholder={options.leadPlaceholder}
            data-empty={Node.string(element) === ''}
          >
            {options.outletPrefix && (
              <span contentEditable={false} className="outlet-prefix" data-testid="outlet-prefix">
                {options.outletPrefix}
              </span>
            )}
            {children}
          </p>
        );
      case 'heading':
        return element.level === 2 ? <h2 {...attributes}>{children}</h2> : <h3 {...attributes}>{children}</h3>;
      case 'blockquote':
        return <blockquote {...attributes}>{children}</blockquote>;
      case 'bulleted-list':
        return <ul {...attributes}>{children}</ul>;
      case 'numbered-list':
        return <ol {...attributes}>{children}</ol>;
      case 'list-item':
        return <li {...attributes}>{children}</li>;
      case 'link':
        return (
          <a {...attributes} href={safeUrl(element.url)} rel="noopener noreferrer" target="_blank" title={element.url}>
            {children}
          </a>
        );
      case 'figure':
        return (
          <Figure attributes={attributes} element={element} codes={options.captionCodes}>
            {children}
          </Figure>
        );
      default:
        return (
          <p {...attributes} className="paragraph">
            {children}
          </p>
        );
    }
  };
}

export function ArticleLeaf({ attributes, children, leaf }: RenderLeafProps) {
  let content: ReactNode = children as ReactNode;
  if (leaf.bold) content = <strong>{content}</strong>;
  if (leaf.italic) content = <em>{content}</em>;
  if (leaf.note)
    content = (
      <mark className="note-anchor" data-note={leaf.note}>
        {content}
      </mark>
    );
  if (leaf.copyDesk)
    content = (
      <span className="copydesk-mark" data-rule={leaf.copyDesk}>
        {content}
      </span>
    );
  return <span {...attributes}>{content}</span>;
}

/** The innermost chunks skip layout and paint while off screen (content-visibility). */
export function renderChunk({ attributes, children, lowest }: RenderChunkProps) {
  return (
    <div {...attributes} className={lowest ? 'chunk' : undefined}>
      {children}
    </div>
  );
}
