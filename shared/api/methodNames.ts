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
  'people.list',
  'people.save',
  'settings.get',
  'settings.update',
] as const;

export type MethodNameFromList = (typeof methodNames)[number];

/** The IPC channel of a method: the desktop shell handles it, the preload invokes it. */
export const channelFor = (method: string): string => `api:${method}`;
