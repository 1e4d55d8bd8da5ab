import { Node } from 'slate';
import type { RenderElementProps } from 'slate-react';

export function renderElement(headlinePlaceholder: string) {
  return function ArticleBlock({ attributes, children, element }: RenderElementProps) {
    if (element.type === 'headline') {
      return (
        <h1 {...attributes} className="headline" data-testid="headline" data-placeholder={headlinePlaceholder} data-empty={Node.string(element) === ''}>
          {children}
        </h1>
      );
    }
    return (
      <p {...attributes} className="paragraph">
        {children}
      </p>
    );
  };
}
