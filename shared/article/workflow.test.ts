import { describe, expect, it } from 'vitest';
import { articleStatuses } from './article';
import { canTransition, workflowPath } from './workflow';

describe('workflowPath', () => {
  it('gives the allowed steps between two statuses, each a move the workflow allows', () => {
    expect(workflowPath('submitted', 'approved')).toEqual(['edited', 'approved']);
    expect(workflowPath('draft', 'exported')).toEqual(['submitted', 'edited', 'approved', 'exported']);
    expect(workflowPath('draft', 'submitted')).toEqual(['submitted']);
    for (const from of articleStatuses)
      for (const to of articleStatuses) {
        if (from === to) continue;
        const path = workflowPath(from, to);
        expect(path.at(-1)).toBe(to);
        [from, ...path].slice(0, -1).forEach((at, index) => expect(canTransition(at, path[index]!)).toBe(true));
      }
  });
});
