import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tempDir';
import { launchNodeDecoder } from './decoderProcess';
import type { LaunchDecoder } from './decoderProcess';
import { PhotoImporter } from './photoImporter';

// A stand-in decoder script (real child processes), to hold PhotoImporter's own rules to account:
// the time limit, a decoder that dies, and a fresh decoder for the next photo after either.
const script = `
process.on('message', (job) => {
  if (job.path === 'hang') return;
  if (job.path === 'crash') process.exit(3);
  process.send({ ok: false, reason: 'read ' + job.path + ' in ' + process.pid });
});
process.on('disconnect', () => process.exit(0));
`;

function importer(timeoutMs: number): { importer: PhotoImporter; launches: () => number } {
  const file = join(tempDir(), 'decoder.mjs');
  writeFileSync(file, script);
  let launches = 0;
  const launch: LaunchDecoder = () => {
    launches += 1;
    return launchNodeDecoder({ script: file, execArgv: [] });
  };
  return { importer: new PhotoImporter(timeoutMs, launch), launches: () => launches };
}

const reason = (reply: { ok: boolean; reason?: string }) => (reply.ok ? '' : (reply.reason ?? ''));

describe('the photo decoder behind its interface', () => {
  it('answers photo after photo from one process', async () => {
    const { importer: decoder, launches } = importer(5_000);
    const first = reason(await decoder.process({ path: 'a.jpg', outDir: '' }));
    const second = reason(await decoder.process({ path: 'b.jpg', outDir: '' }));
    expect(first).toMatch(/^read a\.jpg in \d+$/);
    expect(second.split(' in ')[1]).toBe(first.split(' in ')[1]);
    expect(launches()).toBe(1);
    decoder.close();
  });

  it('stops a photo that takes too long, and the next one gets a new decoder', async () => {
    const { importer: decoder, launches } = importer(300);
    expect(reason(await decoder.process({ path: 'hang', outDir: '' }))).toContain('took longer than 0.3 s');
    expect(reason(await decoder.process({ path: 'c.jpg', outDir: '' }))).toMatch(/^read c\.jpg/);
    expect(launches()).toBe(2);
    decoder.close();
  });

  it('reports a photo that kills the decoder, and goes on', async () => {
    const { importer: decoder, launches } = importer(5_000);
    expect(reason(await decoder.process({ path: 'crash', outDir: '' }))).toContain('stopped the decoder');
    expect(reason(await decoder.process({ path: 'd.jpg', outDir: '' }))).toMatch(/^read d\.jpg/);
    expect(launches()).toBe(2);
    decoder.close();
  });
});
