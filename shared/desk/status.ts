import type { DeskRole } from './protocol';

/** What the laptop knows of its desk, for the editor's screens and `newsroom desk status` (never the token). */
export type DeskStatus =
  | { joined: false }
  | {
      joined: true;
      url: string;
      user: string;
      role: DeskRole;
      /** Articles with changes not yet on the desk. */
      waiting: number;
      lastSyncedAt: string | null;
      refusals: { articleId: number; rule: string; message: string; at: string }[];
    };

export interface DeskSyncReport {
  pushed: number;
  applied: number;
  merged: number;
  conflicts: number;
  refused: { articleId: number; rule: string; message: string }[];
  pulled: { created: number; updated: number; kept: number };
  waiting: number;
}
