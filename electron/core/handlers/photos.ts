import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { CoreError } from '../CoreError';
import { getPhoto, listPhotos, photosDir, updatePhotos } from '../photos/photoStore';
import { makeRenditions } from '../photos/photoImport';
import { originalHereOrFromDesk } from '../sync/originals';
import type { CoreContext, HandlersOf } from './context';

export const photoHandlers = ({ db, dataDir, importPhotoFile, photoImporter, allowPathImport }: CoreContext) =>
  ({
    'photos.import': async ({ fileName, dataBase64 }) => {
      const upload = join(photosDir(dataDir()), 'tmp', `upload-${randomUUID()}`);
      mkdirSync(dirname(upload), { recursive: true });
      writeFileSync(upload, Buffer.from(dataBase64, 'base64'));
      try {
        return await importPhotoFile(upload, fileName);
      } finally {
        rmSync(upload, { force: true });
      }
    },
    'photos.importPath': async ({ path }) => {
      if (!allowPathImport)
        throw new CoreError(
          'forbidden',
          'Photos are imported by path only in the desktop app; the browser edition uploads them.',
        );
      if (!isAbsolute(path)) throw new CoreError('validation', 'The photo path must be absolute.');
      let stats;
      try {
        stats = statSync(path);
      } catch {
        throw new CoreError('not_found', `${basename(path)} does not exist or cannot be read.`);
      }
      if (!stats.isFile()) throw new CoreError('validation', `${basename(path)} is not a file.`);
      return importPhotoFile(path, basename(path));
    },
    'photos.pickFiles': () => {
      throw new CoreError(
        'forbidden',
        'The file dialog belongs to the desktop app; the browser edition uploads photos.',
      );
    },
    'photos.list': (input) => listPhotos(db, input),
    'photos.get': ({ id }) => getPhoto(db, id),
    'photos.update': ({ ids, changes }) => updatePhotos(db, ids, changes),
    'photos.fetchOriginal': async ({ id }) => {
      const photo = getPhoto(db, id);
      const original = await originalHereOrFromDesk(dataDir(), photo);
      await makeRenditions(dataDir(), photoImporter(), id, original);
      return getPhoto(db, id);
    },
  }) satisfies HandlersOf<
    | 'photos.import'
    | 'photos.importPath'
    | 'photos.pickFiles'
    | 'photos.list'
    | 'photos.get'
    | 'photos.update'
    | 'photos.fetchOriginal'
  >;
