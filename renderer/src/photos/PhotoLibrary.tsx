import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { Shell } from '../client/createClient';
import type { Photo, PhotoFilter } from '../../../shared/photos/photo';
import { photoFilters } from '../../../shared/photos/photo';
import { useI18n } from '../i18n/I18nProvider';
import { ImportProgressPanel } from './ImportProgressPanel';
import { PhotoCell } from './PhotoCell';
import { PhotoEditor } from './PhotoEditor';
import { usePhotoImport } from './usePhotoImport';
import { usePhotoStore } from './PhotoContext';

const cell = 136;
const columns = 2;
const pageSize = 200;

interface Props {
  api: Api;
  shell: Shell;
  /** The article open in the editor (for "used in this article"), if any. */
  articleId: number | undefined;
  onInsert: (photo: Photo) => void;
  /** Bumped by the desktop menu's "Import photos…": opens the file dialog. */
  pickRequest?: number;
}

/**
 * The photo library: import (file by file, with progress and cancel), filters, search with or
 * without marks, a grid that draws only the rows in view (thousands of photos stay smooth),
 * selection for the credit editor, and insertion into the open article.
 */
export function PhotoLibrary({ api, shell, articleId, onInsert, pickRequest = 0 }: Props) {
  const { t } = useI18n();
  const store = usePhotoStore();
  const [filter, setFilter] = useState<PhotoFilter>('all');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<'newest' | 'oldest' | 'taken'>('newest');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [total, setTotal] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(400);
  const [generation, setGeneration] = useState(0);
  const importer = usePhotoImport(api, shell, store, () => setGeneration((n) => n + 1));

  // The list is loaded a quarter second after the filters change, a page at a time as it scrolls.
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void api['photos.list']({ filter, query, sort, articleId, limit: pageSize }).then((result) => {
        if (!live || !result.ok) return;
        store.put(result.value.photos);
        setPhotos(result.value.photos);
        setTotal(result.value.total);
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, store, filter, query, sort, articleId, generation]);

  const loadMore = useCallback(() => {
    if (photos.length >= total) return;
    void api['photos.list']({ filter, query, sort, articleId, offset: photos.length, limit: pageSize }).then(
      (result) => {
        if (!result.ok) return;
        store.put(result.value.photos);
        setPhotos((list) => [
          ...list,
          ...result.value.photos.filter((photo) => !list.some((known) => known.id === photo.id)),
        ]);
      },
    );
  }, [api, store, filter, query, sort, articleId, photos.length, total]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const rows = Math.ceil(photos.length / columns);
  const firstRow = Math.max(0, Math.floor(scrollTop / cell) - 2);
  const lastRow = Math.min(rows, Math.ceil((scrollTop + viewHeight) / cell) + 2);
  const visible = photos.slice(firstRow * columns, lastRow * columns);

  const chooseFiles = async () => {
    if (shell !== 'desktop') {
      fileInput.current?.click();
      return;
    }
    const chosen = await api['photos.pickFiles']({});
    if (chosen.ok && chosen.value.length > 0) void importer.importPaths(chosen.value);
  };

  const select = (photo: Photo, event: React.MouseEvent) => {
    if (event.shiftKey && selected.length > 0) {
      const from = photos.findIndex((candidate) => candidate.id === selected.at(-1));
      const to = photos.findIndex((candidate) => candidate.id === photo.id);
      const range = photos.slice(Math.min(from, to), Math.max(from, to) + 1).map((candidate) => candidate.id);
      setSelected((list) => [...new Set([...list, ...range])]);
    } else if (event.ctrlKey || event.metaKey) {
      setSelected((list) => (list.includes(photo.id) ? list.filter((id) => id !== photo.id) : [...list, photo.id]));
    } else {
      setSelected([photo.id]);
    }
  };

  const selectedPhotos = selected.map((id) => store.get(id)).filter((photo): photo is Photo => photo !== undefined);

  const chooseRef = useRef(chooseFiles);
  useEffect(() => {
    chooseRef.current = chooseFiles;
  });
  useEffect(() => {
    if (pickRequest > 0) void chooseRef.current();
  }, [pickRequest]);

  return (
    <div
      className="photo-library"
      data-testid="photo-library"
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) event.preventDefault();
      }}
      onDrop={(event) => {
        const files = [...event.dataTransfer.files];
        if (files.length === 0) return;
        event.preventDefault();
        void importer.importFiles(files);
      }}
    >
      <div className="photo-toolbar">
        <button
          type="button"
          className="secondary"
          data-testid="photo-import"
          disabled={importer.running}
          onClick={() => void chooseFiles()}
        >
          {t('photos.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          multiple
          data-testid="photo-files"
          accept="image/jpeg,image/png,image/webp,image/tiff,.heic"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) void importer.importFiles(files);
          }}
        />
      </div>
      {importer.progress && (
        <ImportProgressPanel progress={importer.progress} onCancel={importer.cancel} onDismiss={importer.dismiss} />
      )}
      <input
        type="search"
        className="search-box"
        data-testid="photo-search"
        aria-label={t('photos.search')}
        placeholder={t('photos.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="archive-filters">
        <select
          aria-label={t('photos.filter')}
          data-testid="photo-filter"
          value={filter}
          onChange={(event) => setFilter(event.target.value as PhotoFilter)}
        >
          {photoFilters.map((name) => (
            <option key={name} value={name} disabled={name === 'in-article' && articleId === undefined}>
              {t(`photos.filter.${name}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('photos.sort')}
          value={sort}
          onChange={(event) => setSort(event.target.value as typeof sort)}
        >
          <option value="newest">{t('photos.sort.newest')}</option>
          <option value="oldest">{t('photos.sort.oldest')}</option>
          <option value="taken">{t('photos.sort.taken')}</option>
        </select>
      </div>
      <p className="photo-count" data-testid="photo-count">
        {t('photos.count', { count: String(total) })}
      </p>
      <div
        ref={scroller}
        className="photo-grid"
        data-testid="photo-grid"
        onScroll={(event) => {
          const element = event.currentTarget;
          setScrollTop(element.scrollTop);
          if (element.scrollTop + element.clientHeight > element.scrollHeight - 4 * cell) loadMore();
        }}
      >
        <div style={{ height: rows * cell, position: 'relative' }}>
          {visible.map((photo, index) => {
            const position = firstRow * columns + index;
            return (
              <PhotoCell
                key={photo.id}
                photo={photo}
                size={cell}
                top={Math.floor(position / columns) * cell}
                left={(position % columns) * cell}
                selected={selected.includes(photo.id)}
                onSelect={(event) => select(photo, event)}
              />
            );
          })}
        </div>
      </div>
      {selectedPhotos.length > 0 && (
        <PhotoEditor
          key={selected.join(',')}
          api={api}
          photos={selectedPhotos}
          onSaved={(updated) => {
            store.put(updated);
            setPhotos((list) => list.map((photo) => updated.find((candidate) => candidate.id === photo.id) ?? photo));
          }}
          onInsert={
            articleId === undefined || selectedPhotos.length !== 1
              ? undefined
              : () => selectedPhotos[0] && onInsert(selectedPhotos[0])
          }
        />
      )}
    </div>
  );
}
