import { useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { Photo, PhotoChanges, PhotoTextField } from '../../../shared/photos/photo';
import { photoFieldLimits } from '../../../shared/photos/photo';
import { useI18n } from '../i18n/I18nProvider';
import { errorKey } from '../i18n/messages';
import { peopleListId, usePeople } from '../people/People';

const editable: PhotoTextField[] = [
  'creator',
  'creditLine',
  'copyright',
  'source',
  'usageTerms',
  'altText',
  'description',
  'city',
  'country',
];
const long = new Set<PhotoTextField>(['usageTerms', 'altText', 'description']);

interface Props {
  api: Api;
  photos: Photo[];
  onSaved: (photos: Photo[]) => void;
  /** Inserts the (single) selected photo into the open article. */
  onInsert?: () => void;
}

/**
 * Credits for one photo or many at once. With several selected, a field shows a value only
 * when they all share it; what is typed goes to every one of them, and {creator}, {date},
 * {city}… are filled from each photo (the "stationery pad" of photo desks).
 */
export function PhotoEditor({ api, photos, onSaved, onInsert }: Props) {
  const { t } = useI18n();
  const people = usePeople();
  const shared = (field: PhotoTextField): string => {
    const first = photos[0]?.[field] ?? '';
    return photos.every((photo) => photo[field] === first) ? first : '';
  };
  const [values, setValues] = useState<Partial<Record<PhotoTextField, string>>>({});
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const single = photos.length === 1 ? photos[0] : undefined;

  const save = async () => {
    const changes: PhotoChanges = { ...values };
    if (Object.keys(changes).length === 0) return;
    const result = await api['photos.update']({ ids: photos.map((photo) => photo.id), changes });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(undefined);
    setValues({});
    setSaved(true);
    onSaved(result.value);
  };

  return (
    <form
      className="photo-editor"
      data-testid="photo-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>{single ? single.originalName : t('photos.editMany', { count: String(photos.length) })}</h3>
      {single && (
        <p className="photo-facts">
          {single.width}×{single.height} · {single.dateCreated || t('photos.noDate')}
        </p>
      )}
      {photos.length > 1 && <small>{t('photos.templateHelp')}</small>}
      {editable.map((field) => {
        const value = values[field] ?? shared(field);
        const props = {
          'data-testid': `photo-${field}`,
          value,
          maxLength: photoFieldLimits[field] * 2,
          placeholder:
            photos.length > 1 && shared(field) === '' && photos.some((photo) => photo[field] !== '')
              ? t('photos.varies')
              : '',
          onChange: (event: { target: { value: string } }) => {
            setSaved(false);
            setValues((current) => ({ ...current, [field]: event.target.value }));
          },
        };
        return (
          <label key={field}>
            {t(`photos.field.${field}`)}
            {long.has(field) ? (
              <textarea rows={2} {...props} />
            ) : (
              <input {...props} {...(field === 'creator' ? { list: peopleListId, onFocus: people.refresh } : {})} />
            )}
          </label>
        );
      })}
      {single && single.keywords.length > 0 && (
        <p className="photo-keywords">
          {t('photos.keywords')}: {single.keywords.join(', ')}
        </p>
      )}
      <div className="photo-editor-actions">
        <button type="submit" className="primary" data-testid="photo-save" disabled={Object.keys(values).length === 0}>
          {photos.length > 1 ? t('photos.saveMany', { count: String(photos.length) }) : t('photos.save')}
        </button>
        {onInsert && (
          <button type="button" data-testid="photo-insert" onClick={onInsert}>
            {t('photos.insert')}
          </button>
        )}
      </div>
      {saved && <p role="status">{t('photos.saved')}</p>}
      {error && (
        <p className="error" role="alert">
          {t('photos.saveFailed', { reason: t(errorKey(error.code)) })}
        </p>
      )}
    </form>
  );
}
