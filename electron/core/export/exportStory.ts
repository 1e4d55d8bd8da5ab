import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { creditLine } from '../../../shared/article/credits';
import type { ExportPhoto } from '../../../shared/export/articleHtml';
import {
  articleFragment,
  escapeHtml,
  exportWidths,
  figureCaption,
  pageSize,
  photoCreditText,
} from '../../../shared/export/articleHtml';
import { articlePage, pageOptions } from '../../../shared/export/articlePage';
import { articleNinjs } from '../../../shared/export/ninjs';
import { packageFiles } from '../../../shared/export/packageFiles';
import type { PreflightItem } from '../../../shared/export/preflight';
import { blocksExport, preflight } from '../../../shared/export/preflight';
import type { Photo } from '../../../shared/photos/photo';
import { personKey } from '../../../shared/people/person';
import { getArticle } from '../archive/articleStore';
import { CoreError } from '../CoreError';
import { listPeople } from '../archive/peopleStore';
import { findPhoto } from '../photos/photoStore';
import { originalHereOrFromDesk } from '../sync/originals';
import { cacheBytes, inParallel, pruneCache, renditionFormats, writeRenditions } from './renditions';
import { getSettings } from '../archive/settingsStore';

export interface StoryExportOptions {
  /** Export even when the preflight has errors; the manifest then says it is a draft. */
  draft?: boolean;
  now?: Date;
  /** Told as each image file of the package is written. */
  onProgress?: (progress: ExportProgress) => void;
  /** Renditions kept between exports, by what makes them (photo, width, format, metadata); default: under the data folder. */
  cacheDir?: string;
}

export interface ExportProgress {
  /** Image files written so far, of all the package's image files. */
  done: number;
  total: number;
}

export interface ExportedFile {
  path: string;
  sha256: string;
  bytes: number;
}

export type ExportResult =
  | { status: 'blocked'; preflight: PreflightItem[] }
  | { status: 'exported'; dir: string; draft: boolean; preflight: PreflightItem[]; files: ExportedFile[] };

/** The XMP packet written into each exported image: creator, credit line, copyright, caption, usage terms. */
export function xmpPacket(
  photo: Pick<Photo, 'creator' | 'copyright' | 'usageTerms'>,
  credit: string,
  caption: string,
): string {
  const xml = escapeHtml; // the same five characters, and &#39; is valid XML
  const alt = (name: string, value: string) =>
    value ? `<${name}><rdf:Alt><rdf:li xml:lang="x-default">${xml(value)}</rdf:li></rdf:Alt></${name}>` : '';
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">',
    photo.creator ? `<dc:creator><rdf:Seq><rdf:li>${xml(photo.creator)}</rdf:li></rdf:Seq></dc:creator>` : '',
    credit ? `<photoshop:Credit>${xml(credit)}</photoshop:Credit>` : '',
    alt('dc:rights', photo.copyright),
    alt('dc:description', caption),
    alt('xmpRights:UsageTerms', photo.usageTerms),
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('');
}

/** Where the editor writes story packages: one folder each. */
export const exportsDir = (dataDir: string): string => join(dataDir, 'exports');

/**
 * A folder the editor may show: one package folder directly under exports/, existing. The
 * path comes from the page, so it is resolved (links included) before it is trusted.
 */
export function exportFolder(dataDir: string, dir: string): string {
  let real: string;
  let root: string;
  try {
    real = realpathSync(dir);
    root = realpathSync(exportsDir(dataDir));
  } catch {
    throw new CoreError('not_found', 'That export folder does not exist any more.');
  }
  if (dirname(real) !== root || !statSync(real).isDirectory())
    throw new CoreError('forbidden', 'Only folders of exported packages can be opened.');
  return real;
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The article with what the export needs to check it: the settings, the registry's name forms, its photos. */
export function preflightArticle(db: Database, articleId: number) {
  const article = getArticle(db, articleId);
  const settings = getSettings(db);
  const displays = new Map(
    listPeople(db)
      .filter((person) => person.display)
      .map((person) => [personKey(person.name), person.display]),
  );
  const display = (name: string) => displays.get(personKey(name));
  const photos = new Map<string, Photo>();
  for (const block of article.body) {
    if (block.type !== 'figure') continue;
    const photo = findPhoto(db, block.photoId);
    if (photo) photos.set(photo.id, photo);
  }
  const checks = preflight({
    article,
    photos,
    template: settings.creditTemplate,
    display,
    copyDesk: settings.copyDesk,
    blockingRules: settings.export.blockingRules,
  });
  return { article, settings, display, photos, checks };
}

/**
 * The story package: index.html (standalone page), fragment.html (for a CMS), images/ at
 * several widths in JPEG and WebP with the credits inside each file, article.json (IPTC ninjs
 * 2.x) and manifest.json (every file with its SHA-256). Refused, writing nothing, when the
 * preflight has errors, unless exported as a draft.
 */
export async function exportStory(
  db: Database,
  dataDir: string,
  articleId: number,
  outDir: string,
  options: StoryExportOptions = {},
): Promise<ExportResult> {
  const { article, settings, display, photos, checks } = preflightArticle(db, articleId);
  if (blocksExport(checks) && !options.draft) return { status: 'blocked', preflight: checks };

  if (existsSync(outDir) && readdirSync(outDir).length > 0)
    throw new CoreError('validation', `${outDir} is not empty; export into a new folder.`);
  // A photo that came from the desk as a record only has its original fetched now, before anything is written.
  const originals = new Map<string, string>();
  for (const photo of photos.values()) originals.set(photo.id, await originalHereOrFromDesk(dataDir, photo));
  mkdirSync(join(outDir, packageFiles.images), { recursive: true });
  const page = pageOptions(
    article,
    article.id,
    settings,
    { publishedAt: article.createdAt, modifiedAt: article.updatedAt },
    display,
  );
  const template = settings.creditTemplate;
  const jobs = [...photos.values()].map((photo, position) => {
    const credit = photoCreditText(photo, { template, display });
    const packet = xmpPacket(photo, credit, figureCaption(article.body, photo.id) || photo.description);
    // The standard widths below the photo's own, and its width on the page as the largest.
    const widths: number[] = exportWidths.filter((width) => width < photo.width);
    const { width: largest } = pageSize(photo);
    if (!widths.includes(largest)) widths.push(largest);
    return { photo, packet, widths, stem: `${packageFiles.images}/${page.slug}-${position + 1}` };
  });
  const total = jobs.reduce((sum, job) => sum + job.widths.length * renditionFormats.length, 0);
  let done = 0;
  options.onProgress?.({ done, total });
  const cacheDir = options.cacheDir ?? join(dataDir, 'cache', 'renditions');
  mkdirSync(cacheDir, { recursive: true });
  // Photos in parallel, as many as there are cores (libvips also threads within each), kept in article order.
  const exported = await inParallel(
    jobs,
    availableParallelism(),
    async ({ photo, packet, widths, stem }): Promise<ExportPhoto> => {
      const renditions = await writeRenditions({
        original: originals.get(photo.id) ?? '',
        photoId: photo.id,
        packet,
        widths,
        cacheDir,
        outDir,
        stem,
        written: () => options.onProgress?.({ done: ++done, total }),
      });
      return { ...photo, ...pageSize(photo), renditions };
    },
  );
  const ordered = new Map(exported.map((photo) => [photo.id, photo]));
  void pruneCache(cacheDir, cacheBytes);

  const at = (options.now ?? new Date()).toISOString();
  const fragment = articleFragment(article, ordered, page);
  writeFileSync(join(outDir, packageFiles.fragment), `${fragment}\n`);
  writeFileSync(join(outDir, packageFiles.page), articlePage(article, ordered, page));
  const byline = creditLine(article.contributors, article.kind, template, display);
  const ninjs = articleNinjs({
    article,
    photos: [...ordered.values()],
    fragment,
    byline,
    page,
    withheld: Boolean(options.draft) && blocksExport(checks),
  });
  writeFileSync(join(outDir, packageFiles.ninjs), `${JSON.stringify(ninjs, null, 2)}\n`);
  const files = listFiles(outDir)
    .sort()
    .map((file) => ({
      path: relative(outDir, file).split('\\').join('/'),
      sha256: sha256(file),
      bytes: statSync(file).size,
    }));
  const draft = Boolean(options.draft) && blocksExport(checks);
  const manifest = join(outDir, packageFiles.manifest);
  writeFileSync(
    manifest,
    `${JSON.stringify({ generator: 'Newsroom', article: article.id, version: article.version, exportedAt: at, draft, files }, null, 2)}\n`,
  );
  // Every file of the package, the manifest (which lists the others) included.
  return {
    status: 'exported',
    dir: outDir,
    draft,
    preflight: checks,
    files: [...files, { path: packageFiles.manifest, sha256: sha256(manifest), bytes: statSync(manifest).size }],
  };
}
