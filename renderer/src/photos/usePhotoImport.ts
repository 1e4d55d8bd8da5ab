import { useRef, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { PhotoImportResult } from '../../../shared/photos/photo';
import { toBase64 } from '../client/base64';
import type { Shell } from '../client/createClient';
import type { PhotoStore } from './PhotoContext';

export interface ImportProgress {
  total: number;
  done: PhotoImportResult[];
  current?: string;
  cancelled: boolean;
}

/** One file to import: its name, and how to send it (bytes from the browser, a path on the desktop). */
interface Source {
  name: string;
  send: () => Promise<Result<PhotoImportResult>>;
}

export interface PhotoImport {
  progress: ImportProgress | undefined;
  running: boolean;
  importFiles: (files: File[]) => Promise<void>;
  importPaths: (paths: string[]) => Promise<void>;
  /** Stops before the next file. */
  cancel: () => void;
  dismiss: () => void;
}

/** Imports photos file by file, with progress; one file's failure is its own result. `onDone` after each batch. */
export function usePhotoImport(api: Api, shell: Shell, store: PhotoStore, onDone: () => void): PhotoImport {
  const [progress, setProgress] = useState<ImportProgress>();
  const cancelled = useRef(false);

  const importSources = async (sources: Source[]) => {
    cancelled.current = false;
    const done: PhotoImportResult[] = [];
    setProgress({ total: sources.length, done, cancelled: false });
    for (const source of sources) {
      if (cancelled.current) break;
      setProgress({ total: sources.length, done: [...done], current: source.name, cancelled: false });
      const result = await source.send();
      done.push(result.ok ? result.value : { name: source.name, status: 'rejected', reason: result.error.message });
      if (result.ok && result.value.status !== 'rejected') store.put([result.value.photo]);
    }
    setProgress({ total: sources.length, done: [...done], cancelled: cancelled.current });
    onDone();
  };

  // The desktop app reads files by their path (no bytes through the page); the browser uploads them.
  const importFiles = (files: File[]) =>
    importSources(
      files.map((file) => {
        const path = shell === 'desktop' ? window.newsroomFiles?.pathForFile(file) : undefined;
        return {
          name: file.name,
          send: async () =>
            path
              ? api['photos.importPath']({ path })
              : api['photos.import']({ fileName: file.name, dataBase64: toBase64(await file.arrayBuffer()) }),
        };
      }),
    );
  const importPaths = (paths: string[]) =>
    importSources(
      paths.map((path) => ({
        name: path.split(/[\\/]/).at(-1) ?? path,
        send: () => api['photos.importPath']({ path }),
      })),
    );

  const running =
    progress !== undefined &&
    progress.done.length < progress.total &&
    !progress.cancelled &&
    progress.current !== undefined;
  return {
    progress,
    running,
    importFiles,
    importPaths,
    cancel: () => (cancelled.current = true),
    dismiss: () => setProgress(undefined),
  };
}
