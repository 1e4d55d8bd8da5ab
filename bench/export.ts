// Exporting an article with 20 photos (camera-sized JPEGs, 4000×3000, made here): cold (no
// cached renditions) against warm (renditions cached by an earlier export), in the same run,
// through the core. Cold also reports how busy the cores were (process CPU time / wall time).
// Run: npm run bench:export   (COLD=3 WARM=10 rounds; PHOTOS=20)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { emptyContent, paragraph } from '../shared/article/article';
import type { Block } from '../shared/article/article';
import { createArticle, saveArticle } from '../electron/core/archive/articleStore';
import { openArchive } from '../electron/core/archive/openArchive';
import { archivePath } from '../electron/core/dataDir';
import { exportStory } from '../electron/core/export/exportStory';
import { PhotoImporter } from '../electron/core/photos/photoImporter';
import { importPhotoFiles } from '../electron/core/photos/photoImport';
import { updatePhotos } from '../electron/core/photos/photoStore';
import { photo } from '../e2e/support/photos';
import { ms, percentile } from './lib/stats';
import { vietnameseBody } from './lib/vietnameseText';

const photoCount = Number(process.env.PHOTOS ?? 20);
const coldRounds = Number(process.env.COLD ?? 3);
const warmRounds = Number(process.env.WARM ?? 10);

const root = mkdtempSync(join(tmpdir(), 'newsroom-bench-export-'));
const dataDir = join(root, 'data');
mkdirSync(dataDir);
const db = openArchive(archivePath(dataDir));
const importer = new PhotoImporter();

console.log(`Making and importing ${photoCount} photos of 4000×3000…`);
const ids: string[] = [];
for (let index = 0; index < photoCount; index += 1) {
  // A colour of its own under noise: compresses like a photograph, not like a flat colour.
  const file = await photo(
    root,
    `photo-${index}.jpg`,
    `rgb(${40 + index * 9}, 90, ${160 - index * 5})`,
    [],
    4000,
    true,
  );
  const [result] = await importPhotoFiles(db, dataDir, importer, [{ path: file, name: `photo-${index}.jpg` }]);
  if (result?.status !== 'imported') throw new Error(`photo ${index} was not imported`);
  ids.push(result.photo.id);
}
importer.close();
updatePhotos(db, ids, { creator: 'Minh Tuấn', copyright: '© 2026 Báo QĐND', altText: 'Ảnh hội nghị' });

const text = vietnameseBody(1_200, 20);
const body: Block[] = [];
ids.forEach((photoId, index) => {
  body.push(...text.slice(index * 3, index * 3 + 3));
  body.push({ type: 'figure', photoId, caption: `Chú thích ảnh ${index + 1}.`, children: [{ text: '' }] });
});
const article = createArticle(db, emptyContent('Hội nghị tổng kết công tác năm 2026'));
saveArticle(db, article.id, 1, {
  lead: [{ text: 'Chiều 24/11, Tổng cục tổ chức Hội nghị.' }],
  body: [...body, paragraph('Kết thúc hội nghị.')],
  contributors: [{ name: 'Minh Tuấn', roles: ['text', 'photo'] }],
});

const cacheDir = join(root, 'cache');
let round = 0;
async function exportOnce(): Promise<{ wall: number; cpu: number }> {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const result = await exportStory(db, dataDir, article.id, join(root, 'out', `round-${(round += 1)}`), {
    draft: true,
    cacheDir,
  });
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  if (result.status !== 'exported') throw new Error('the export was blocked');
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const cold: { wall: number; cpu: number }[] = [];
for (let index = 0; index < coldRounds; index += 1) {
  rmSync(cacheDir, { recursive: true, force: true });
  cold.push(await exportOnce());
}
const warm: number[] = [];
for (let index = 0; index < warmRounds + 2; index += 1) {
  const { wall } = await exportOnce();
  if (index >= 2) warm.push(wall);
}

const cores = availableParallelism();
const coldWalls = cold.map((sample) => sample.wall);
const busy = cold.reduce((sum, sample) => sum + sample.cpu, 0) / cold.reduce((sum, sample) => sum + sample.wall, 0);
const row = (name: string, samples: number[]) =>
  `${name.padEnd(34)} p50 ${ms(percentile(samples, 50)).padStart(11)}   max ${ms(Math.max(...samples)).padStart(11)}`;
console.log(
  `Exporting an article with ${photoCount} photos (${photoCount * 6} renditions: 480/960/1600 × JPEG+WebP), ${cores} cores, in ${tmpdir()}`,
);
console.log(row(`cold (no cache), ${coldRounds} rounds`, coldWalls));
console.log(row(`warm (cached), ${warmRounds} rounds`, warm));
console.log(
  `cold CPU time / wall time: ${busy.toFixed(2)} of ${cores} cores (${((busy / cores) * 100).toFixed(0)}% busy)`,
);
const speedup = percentile(coldWalls, 50) / percentile(warm, 50);
console.log(`warm / cold: ×${speedup.toFixed(1)} faster`);
console.log(
  `Targets: warm ≤ 500 ms: ${Math.max(...warm) <= 500 ? 'met' : 'NOT met'}; ≥ 10× faster than cold: ${speedup >= 10 ? 'met' : 'NOT met'}; cold keeps both cores busy: ${busy / Math.min(cores, 2) >= 0.85 ? 'met' : 'NOT met'}`,
);
db.close();
rmSync(root, { recursive: true, force: true });
