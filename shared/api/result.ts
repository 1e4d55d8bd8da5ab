/** Error codes a user-facing message can be chosen by (see renderer/src/i18n). */
export const errorCodes = [
  'validation',
  'not_found',
  'conflict',
  'invalid_transition',
  'storage',
  'disk_full',
  'archive_problem',
  'unauthorized',
  'forbidden',
  'unavailable',
  'internal',
  'desk_not_joined',
  'desk_unreachable',
  'desk_certificate',
  'desk_wrong_password',
  'desk_signed_out',
  'desk_throttled',
  'desk_failed',
  'desk_full',
  'desk_settings_admin',
  'photo_original_offline',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string): { ok: false; error: ApiError } => ({
  ok: false,
  error: { code, message },
});

export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const envelope = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (envelope.ok === true) return 'value' in value;
  return (
    envelope.ok === false &&
    typeof envelope.error?.code === 'string' &&
    (errorCodes as readonly string[]).includes(envelope.error.code) &&
    typeof envelope.error.message === 'string'
  );
}
