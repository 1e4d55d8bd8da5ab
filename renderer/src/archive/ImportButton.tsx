import { useRef, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import type { Article } from '../../../shared/article/article';
import type { LegacyEncoding } from '../../../shared/text/legacyEncodings';
import { useI18n } from '../i18n/I18nProvider';
import { toBase64 } from '../client/base64';

/** Imports a .docx, .html or .txt file as a new article (the core checks what the file really is). */
export function ImportButton({ api, onImported }: { api: Api; onImported: (article: Article) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [converted, setConverted] = useState<LegacyEncoding | null>(null);
  const importFile = async (file: File) => {
    setBusy(true);
    setError(undefined);
    setConverted(null);
    const result = await api['articles.import']({
      fileName: file.name,
      dataBase64: toBase64(await file.arrayBuffer()),
    });
    setBusy(false);
    if (result.ok) {
      setConverted(result.value.convertedFrom);
      onImported(result.value);
    } else setError(result.error);
  };
  return (
    <>
      <button
        type="button"
        className="secondary"
        data-testid="import"
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        {busy ? t('import.busy') : t('import.button')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid="import-file"
        accept=".docx,.html,.htm,.txt"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {converted && (
        <p className="notice" role="status" data-testid="import-converted">
          {t('legacy.converted', { encoding: t(`legacy.${converted}`) })}
        </p>
      )}
      {error && (
        <p className="error import-error" role="alert" data-testid="import-error">
          {t('import.failed', { reason: error.message })}
        </p>
      )}
    </>
  );
}
