import { validateWorkflow } from '@action-validator/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const source = readFileSync(join(root, '.github', 'workflows', 'desktop.yml'), 'utf8');
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

describe('the desktop pipeline (.github/workflows/desktop.yml)', () => {
  it('is a valid workflow by the workflow schema', () => {
    expect(validateWorkflow(source).errors).toEqual([]);
  });

  it('catches a broken one (the check is real)', () => {
    expect(
      validateWorkflow(source.replace('runs-on: ubuntu-24.04', 'runs_on: ubuntu-24.04')).errors.length,
    ).toBeGreaterThan(0);
  });

  it('runs only commands that work locally: npm scripts that exist, the project’s scripts, apt and xvfb-run', () => {
    const runs = [...source.matchAll(/^\s*- run: (.+)$/gm)].map(([, command]) => command ?? '');
    expect(runs.length).toBeGreaterThan(5);
    for (const command of runs) {
      expect(command).toMatch(
        /^(npm (ci|test|run [\w:-]+)|node scripts\/[\w-]+\.mjs|sudo apt-get (update && sudo apt-get )?install|xvfb-run -a npm (test|run [\w:-]+))/,
      );
      const script = /npm run ([\w:-]+)/.exec(command)?.[1];
      if (script) expect(scripts[script], `npm run ${script}`).toBeDefined();
    }
  });
});
