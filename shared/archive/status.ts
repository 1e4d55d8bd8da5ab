/** A backup the recovery screen can offer. */
export interface BackupChoice {
  name: string;
  createdAt: string;
  reason: string;
  articles: number;
  /** Passed integrity_check. */
  ok: boolean;
}

export type RecoveryProblemKind = 'not_sqlite' | 'damaged' | 'stray_wal' | 'missing_wal' | 'unreadable';

/**
 * The archive is open, or it was found damaged at start, moved aside untouched, and the app
 * waits for the user to choose how to go on.
 */
export type ArchiveStatus =
  | { state: 'open'; file: string }
  | {
      state: 'recovery';
      problem: { kind: RecoveryProblemKind; message: string };
      /** Where the damaged files were moved (nothing in it is changed or deleted). */
      setAsideDir: string;
      backups: BackupChoice[];
      /** The archive file alone is healthy (its log was stray or missing): it can be used as it is. */
      canUseSetAside: boolean;
    };

export const recoveryActions = ['restore-backup', 'use-set-aside', 'start-empty'] as const;
export type RecoveryAction = (typeof recoveryActions)[number];
