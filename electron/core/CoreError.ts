import type { ErrorCode } from '../../shared/api/result';

/** A failure the core expects and the shells turn into a typed error envelope. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

/** Opening the archive was refused; the file was not modified. */
export class ArchiveOpenError extends Error {
  constructor(
    readonly reason: 'not_sqlite' | 'damaged' | 'newer' | 'unreadable' | 'read_only',
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveOpenError';
  }
}
