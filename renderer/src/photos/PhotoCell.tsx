import type { MouseEvent } from 'react';
import type { Photo } from '../../../shared/photos/photo';
import { hasAltText, hasCredit } from '../../../shared/photos/photo';
import { useI18n } from '../i18n/I18nProvider';
import { photoDragType } from './photoDrag';
import { PhotoImage } from './PhotoImage';

interface Props {
  photo: Photo;
  size: number;
  top: number;
  left: number;
  selected: boolean;
  onSelect: (event: MouseEvent) => void;
}

/** One photo in the library grid: its thumbnail, its creator, what it still lacks; dragged into the article. */
export function PhotoCell({ photo, size, top, left, selected, onSelect }: Props) {
  const { t } = useI18n();
  const credit = hasCredit(photo);
  const alt = hasAltText(photo);
  return (
    <button
      type="button"
      className={selected ? 'photo-cell selected' : 'photo-cell'}
      style={{ top, left }}
      data-testid="photo-cell"
      data-photo-id={photo.id}
      aria-pressed={selected}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(photoDragType, photo.id);
        event.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={onSelect}
      title={photo.description || photo.originalName}
    >
      <PhotoImage id={photo.id} kind="thumb" alt={photo.altText} loading="lazy" width={size - 12} height={size - 36} />
      <span className="photo-caption">{photo.creator || photo.originalName}</span>
      {(!credit || !alt) && (
        <span className="photo-missing" data-testid="photo-missing">
          {[!credit ? t('photos.noCredit') : '', !alt ? t('photos.noAlt') : ''].filter(Boolean).join(' · ')}
        </span>
      )}
    </button>
  );
}
