/**
 * The contract's method names alone, for the preload, which should not carry zod and every
 * schema. contract.ts checks at compile time that this list and the contract's keys are equal.
 */
export const methodNames = [
  'articles.list',
  'articles.create',
  'articles.get',
  'articles.save',
  'articles.setStatus',
  'articles.import',
  'articles.search',
  'articles.preflight',
  'articles.export',
  'articles.exportProgress',
  'exports.openFolder',
  'articles.history',
  'articles.revision',
  'articles.saveVersion',
  'articles.restore',
  'archive.status',
  'archive.recover',
  'photos.import',
  'photos.importPath',
  'photos.pickFiles',
  'photos.list',
  'photos.get',
  'photos.update',
  'photos.fetchOriginal',
  'people.list',
  'people.save',
  'desk.status',
  'desk.join',
  'desk.sync',
  'desk.editing',
  'desk.editors',
  'desk.conflict',
  'desk.resolve',
  'desk.news',
  'desk.newsSeen',
  'desk.leave',
  'settings.get',
  'settings.update',
] as const;

export type MethodNameFromList = (typeof methodNames)[number];

/** The IPC channel of a method: the desktop shell handles it, the preload invokes it. */
export const channelFor = (method: string): string => `api:${method}`;

/**
 * What the desktop app's menu asks of the page, on this channel. (A document is imported by
 * the main process itself, then the page is asked to open the new article.)
 */
export type MenuCommand =
  { command: 'new-article' } | { command: 'import-photos' } | { command: 'open-article'; id: number };
export const menuChannel = 'menu:command';

/**
 * Quitting the desktop app: the main process asks the page, with a number, to save what is
 * pending (flushChannel); the page answers on flushedChannel with that number and whether it
 * is committed. The archive is closed only after that, or after the user chose to quit anyway.
 */
export const flushChannel = 'lifecycle:flush';
export const flushedChannel = 'lifecycle:flushed';

export function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null) return false;
  const { command, id } = value as { command?: unknown; id?: unknown };
  if (command === 'new-article' || command === 'import-photos') return true;
  return command === 'open-article' && typeof id === 'number' && Number.isSafeInteger(id) && id > 0;
}
