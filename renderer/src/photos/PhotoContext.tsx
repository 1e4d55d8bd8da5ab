import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { Photo } from '../../../shared/photos/photo';
import type { PhotoUrl } from '../client/createClient';

/** Photos known to the page: the library and the figures in the open article read them from here. */
export interface PhotoStore {
  photoUrl: PhotoUrl;
  get: (id: string) => Photo | undefined;
  /** Fetches a photo the page has not seen yet. */
  load: (id: string) => void;
  /** Fetches the original of a photo whose record came from the desk (once, whoever asks); the error if it could not. */
  fetchOriginal: (id: string) => Promise<ApiError | undefined>;
  /** Records photos just imported, edited or listed; figures showing them re-render. */
  put: (photos: readonly Photo[]) => void;
  subscribe: (listener: () => void) => () => void;
}

const PhotoContext = createContext<PhotoStore | undefined>(undefined);

export function createPhotoStore(api: Api, photoUrl: PhotoUrl): PhotoStore {
  const photos = new Map<string, Photo>();
  const loading = new Set<string>();
  const fetching = new Map<string, Promise<ApiError | undefined>>();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const put = (list: readonly Photo[]) => {
    for (const photo of list) photos.set(photo.id, photo);
    notify();
  };
  return {
    photoUrl,
    get: (id) => photos.get(id),
    load: (id) => {
      if (photos.has(id) || loading.has(id)) return;
      loading.add(id);
      void api['photos.get']({ id }).then((result) => {
        loading.delete(id);
        if (result.ok) put([result.value]);
      });
    },
    fetchOriginal: (id) => {
      const known = fetching.get(id);
      if (known) return known;
      const fetched = api['photos.fetchOriginal']({ id }).then((result) => {
        // A failure may be offline: the next attempt asks again.
        if (!result.ok) fetching.delete(id);
        return result.ok ? undefined : result.error;
      });
      fetching.set(id, fetched);
      return fetched;
    },
    put,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function PhotoProvider({ store, children }: { store: PhotoStore; children: ReactNode }) {
  return <PhotoContext.Provider value={store}>{children}</PhotoContext.Provider>;
}

export function usePhotoStore(): PhotoStore {
  const store = useContext(PhotoContext);
  if (!store) throw new Error('usePhotoStore outside PhotoProvider');
  return store;
}

/** One photo, fetched when needed, re-rendering when it is edited. */
export function usePhoto(id: string): Photo | undefined {
  const store = usePhotoStore();
  const [, setTick] = useState(0);
  useEffect(() => store.subscribe(() => setTick((tick) => tick + 1)), [store]);
  useEffect(() => store.load(id), [store, id]);
  return store.get(id);
}
