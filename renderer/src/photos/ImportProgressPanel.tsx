import { useI18n } from '../i18n/I18nProvider';
import type { ImportProgress } from './usePhotoImport';

interface Props {
  progress: ImportProgress;
  onCancel: () => void;
  onDismiss: () => void;
}

/** A photo import's progress, then what became of each file. */
export function ImportProgressPanel({ progress, onCancel, onDismiss }: Props) {
  const { t } = useI18n();
  const count = (status: string) => String(progress.done.filter((result) => result.status === status).length);
  return (
    <div className="photo-progress" data-testid="photo-progress" role="status">
      <progress max={progress.total} value={progress.done.length} />
      <span>
        {progress.current !== undefined
          ? t('photos.importing', {
              done: String(progress.done.length),
              total: String(progress.total),
              name: progress.current,
            })
          : t(progress.cancelled ? 'photos.importCancelled' : 'photos.importDone', {
              imported: count('imported'),
              duplicates: count('duplicate'),
              rejected: count('rejected'),
            })}
      </span>
      {progress.current !== undefined && (
        <button type="button" data-testid="photo-import-cancel" onClick={onCancel}>
          {t('photos.cancel')}
        </button>
      )}
      <ul className="photo-results">
        {progress.done.map((result, index) => (
          <li key={index} data-status={result.status}>
            {result.name}:{' '}
            {result.status === 'rejected'
              ? t('photos.rejected', { reason: result.reason })
              : t(result.status === 'duplicate' ? 'photos.duplicate' : 'photos.imported')}
          </li>
        ))}
      </ul>
      {progress.current === undefined && (
        <button type="button" onClick={onDismiss}>
          {t('photos.dismiss')}
        </button>
      )}
    </div>
  );
}
