// Archive search at scale: ARTICLES (default 100,000) generated articles of about 400 words of
// synthetic Vietnamese (valid syllables drawn with a Zipf distribution, so rare, middle and
// common terms occur as in real text). Reports the index build time and its size against the
// text, query p50/p95 for rare, middle and common terms and for phrases, the same queries as a
// LIKE scan (the peer, measured in the same run on the same database), and the copy-desk
// check of a 10,000-word article.
// Run: npm run bench:search   (ARTICLES=20000 for a quicker run)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bodyText, emptyContent, inlineText, paragraph } from '../shared/article/article';
import { articleSegments, checkSegments } from '../shared/copydesk/checks';
import { isVietnameseSyllable } from '../shared/text/syllable';
import { openArchive } from '../electron/core/archive/openArchive';
import { drainSearchIndex } from '../electron/core/search/indexer';
import { searchArticles } from '../electron/core/search/searchIndex';
import { ms, percentile } from './lib/stats';

const articleCount = Number(process.env.ARTICLES ?? 100_000);
let seed = 20_191_224;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

// A vocabulary of valid syllables built from parts, ranked at random, drawn Zipf-like.
const initials = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'h',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'nh',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];
const rimes = [
  'a',
  'ai',
  'am',
  'an',
  'ang',
  'anh',
  'ao',
  'ăn',
  'âm',
  'ân',
  'âu',
  'e',
  'em',
  'en',
  'ê',
  'ên',
  'ênh',
  'i',
  'im',
  'in',
  'inh',
  'o',
  'oi',
  'om',
  'on',
  'ong',
  'ô',
  'ôi',
  'ông',
  'ơ',
  'ơi',
  'ơn',
  'u',
  'ui',
  'um',
  'ung',
  'ư',
  'ưa',
  'ương',
  'uôn',
  'uông',
  'iên',
  'iêu',
  'oa',
  'oan',
  'uy',
  'at',
  'ăt',
  'ôt',
  'ac',
  'ich',
  'uôc',
  'ươc',
  'iêt',
  'ap',
];
const tones = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const withTone = (syllable: string, tone: string): string => {
  const vowel = [...syllable].findLastIndex(
    (char, index, all) =>
      /[aăâeêioôơuưy]/.test(char) &&
      (index === all.length - 1 || !/[aăâeêioôơuưy]/.test(all[index + 1] ?? '') || /[ăâêôơư]/.test(char)),
  );
  return vowel < 0 ? syllable : (syllable.slice(0, vowel + 1) + tone + syllable.slice(vowel + 1)).normalize('NFC');
};
const vocabulary = [
  ...new Set(
    initials.flatMap((initial) => rimes.flatMap((rime) => tones.map((tone) => withTone(initial + rime, tone)))),
  ),
].filter(isVietnameseSyllable);
for (let index = vocabulary.length - 1; index > 0; index -= 1) {
  const other = Math.floor(random() * (index + 1));
  [vocabulary[index], vocabulary[other]] = [vocabulary[other] as string, vocabulary[index] as string];
}
const weights = vocabulary.map((_, rank) => 1 / (rank + 1) ** 1.05);
const cumulative: number[] = [];
weights.reduce((sum, weight) => (cumulative.push(sum + weight), sum + weight), 0);
const total = cumulative[cumulative.length - 1] ?? 1;
const word = (): string => {
  const target = random() * total;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((cumulative[middle] ?? 0) < target) low = middle + 1;
    else high = middle;
  }
  return vocabulary[low] ?? 'và';
};
const words = (count: number): string => Array.from({ length: count }, word).join(' ');
/** Names and places: each article mentions two from a pool as large as the archive, so they are rare. */
const rareName = (): string => {
  const code = Math.floor(random() * articleCount);
  return `${vocabulary[code % vocabulary.length] ?? 'x'}${vocabulary[Math.floor(code / vocabulary.length) % vocabulary.length] ?? 'y'}${code}`;
};

const dir = mkdtempSync(join(tmpdir(), 'newsroom-bench-search-'));
const db = openArchive(join(dir, 'archive.sqlite3'), { synchronous: 'NORMAL' });
console.log(
  `Generating ${articleCount} articles of ~400 words from a vocabulary of ${vocabulary.length} syllables in ${dir} …`,
);
let textBytes = 0;
const insert = db.prepare(
  `INSERT INTO articles (headline, body, content, section, status, version, created_at, updated_at) VALUES (?, ?, ?, '', 'draft', 1, ?, ?)`,
);
const pending = db.prepare('INSERT INTO search_pending (article_id) VALUES (?)');
const at = new Date().toISOString();
const generateStart = performance.now();
for (let batch = 0; batch < articleCount; batch += 5000) {
  db.transaction(() => {
    for (let index = batch; index < Math.min(articleCount, batch + 5000); index += 1) {
      const content = {
        ...emptyContent(words(10)),
        lead: [{ text: `${words(30)} ${rareName()}` }],
        body: Array.from({ length: 6 }, (_, at) => paragraph(at === 2 ? `${words(60)} ${rareName()}` : words(60))),
      };
      textBytes +=
        Buffer.byteLength(content.headline) +
        Buffer.byteLength(inlineText(content.lead)) +
        Buffer.byteLength(bodyText(content.body));
      const { headline, body, section: _section, ...rest } = content;
      const { lastInsertRowid } = insert.run(headline, JSON.stringify(body), JSON.stringify(rest), at, at);
      pending.run(lastInsertRowid);
    }
  })();
}
console.log(`generated in ${((performance.now() - generateStart) / 1000).toFixed(1)} s`);

const buildStart = performance.now();
drainSearchIndex(db);
const buildSeconds = (performance.now() - buildStart) / 1000;
const indexBytes = (
  db
    .prepare("SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search_exact%' OR name LIKE 'search_folded%'")
    .get() as { bytes: number }
).bytes;
const perIndex = (name: string) =>
  (db.prepare('SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE ?').get(`${name}%`) as { bytes: number }).bytes;

// Terms by document frequency in the folded index.
db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_exact, 'row')");
const byFrequency = (low: number, high: number) =>
  (
    db.prepare('SELECT term FROM temp.vocab WHERE doc >= ? AND doc <= ? ORDER BY random() LIMIT 30').all(low, high) as {
      term: string;
    }[]
  ).map((row) => row.term);
const classes: [string, string[]][] = [
  ['rare (≤ 0.1% of articles)', byFrequency(1, Math.max(2, articleCount / 1000))],
  ['middle (1–10%)', byFrequency(articleCount / 100, articleCount / 10)],
  ['common (≥ 30%)', byFrequency(articleCount * 0.3, articleCount)],
];
const phraseSource = (
  db.prepare('SELECT body FROM articles ORDER BY random() LIMIT 30').all() as { body: string }[]
).map((row) => {
  const text = (JSON.parse(row.body) as { children: { text: string }[] }[])[0]?.children[0]?.text.split(' ') ?? [];
  const at = Math.floor(random() * Math.max(1, text.length - 2));
  return `"${text.slice(at, at + 2).join(' ')}"`;
});
classes.push(['phrases (two words)', phraseSource]);

const timeQueries = (queries: string[]) =>
  queries.map((query) => {
    const start = performance.now();
    searchArticles(db, query);
    return performance.now() - start;
  });
const timeLike = (queries: string[]) =>
  queries.slice(0, 3).map((query) => {
    const term = query.replace(/"/g, '');
    const start = performance.now();
    // Like the search, the scan finds every match (for the count), not just a first page.
    db.prepare('SELECT id FROM articles WHERE headline LIKE ? OR body LIKE ? OR content LIKE ?').all(
      `%${term}%`,
      `%${term}%`,
      `%${term}%`,
    );
    return performance.now() - start;
  });

console.log('');
console.log(
  `Articles: ${articleCount}; plain text ${(textBytes / 1e6).toFixed(1)} MB; database ${(statSync(join(dir, 'archive.sqlite3')).size / 1e6).toFixed(1)} MB`,
);
console.log(
  `Index build (both indexes): ${buildSeconds.toFixed(1)} s; size ${(indexBytes / 1e6).toFixed(1)} MB = ${((100 * indexBytes) / textBytes).toFixed(0)}% of the text (exact ${(perIndex('search_exact') / 1e6).toFixed(1)} MB, folded ${(perIndex('search_folded') / 1e6).toFixed(1)} MB)`,
);
for (const [name, queries] of classes) {
  timeQueries(queries.slice(0, 3));
  const fts = timeQueries(queries);
  const like = timeLike(queries);
  console.log(
    `${name.padEnd(28)} ${String(queries.length).padStart(2)} queries  FTS p50 ${ms(percentile(fts, 50)).padStart(10)}  p95 ${ms(percentile(fts, 95)).padStart(10)}   LIKE p50 ${ms(percentile(like, 50)).padStart(10)}   LIKE/FTS ×${(percentile(like, 50) / percentile(fts, 50)).toFixed(0)}`,
  );
}

const long = {
  headline: 'Hội nghị tổng kết',
  lead: [{ text: words(40) }],
  body: Array.from({ length: 25 }, () => paragraph(words(400))),
};
const checks = Array.from({ length: 20 }, () => {
  const start = performance.now();
  checkSegments(articleSegments(long));
  return performance.now() - start;
});
console.log(
  `Copy-desk check of a ${25 * 400 + 40}-word article: p50 ${ms(percentile(checks, 50))}, p95 ${ms(percentile(checks, 95))}`,
);
console.log(
  'Targets: rare and middle p95 ≤ 20 ms and ≥ 100× faster than LIKE; common top-20 p95 ≤ 100 ms; index ≤ 60% of the text; check ≤ 50 ms.',
);
db.close();
rmSync(dir, { recursive: true, force: true });
