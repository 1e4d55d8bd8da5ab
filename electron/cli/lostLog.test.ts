import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../testing/testCli';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../shared/article/article';
import { archivePath } from '../core/dataDir';
import { crashAfterSaves, newsroomFolder } from '../testing/archiveProcessDriver';
import { sha256 } from '../testing/tempDir';

describe('the CLI on an archive whose log was lost', () => {
  it('doctor names what is missing, and restore --as-is keeps the archive file, the rest set aside', async () => {
    const dataDir = newsroomFolder();
    const last = await crashAfterSaves(dataDir, 2);
    rmSync(`${archivePath(dataDir)}-wal`);
    const hash = sha256(archivePath(dataDir));
    const doctor = await cli(['doctor', '--data-dir', dataDir]);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/PROBLEM: The archive .* holds fewer changes than Newsroom had saved in it/);
    expect(doctor.stdout).toContain('newsroom restore --as-is');
    expect(sha256(archivePath(dataDir))).toBe(hash);

    const kept = await cli(['restore', '--as-is', '--json', '--data-dir', dataDir]);
    expect(kept.code).toBe(0);
    const { setAside } = JSON.parse(kept.stdout) as { setAside: string };
    expect(sha256(join(setAside, 'archive.sqlite3'))).toBe(hash);
    const listed = await cli(['article', 'list', '--json', '--data-dir', dataDir]);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as ArticleSummary[]).map((article) => article.headline)).not.toContain(
      last.headline,
    );
    expect((await cli(['restore', '--as-is', '--data-dir', dataDir])).stderr).toContain('nothing to keep as it is');
  });
});
