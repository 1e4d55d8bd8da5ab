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
      /** The last round that brought something from the desk (articles, photos, settings). */
      receivedAt: string | null;
      /** Background sync (the editor's shells): whether the desk is reachable, and why not. */
      connection: DeskConnection;
      refusals: { articleId: number; rule: string; message: string; at: string }[];
    };

/** Someone else on the desk with an article of this archive open for editing. */
export interface DeskEditor {
  /** The article's id in this archive. */
  id: number;
  user: string;
  until: string;
}

export interface DeskSyncReport {
  pushed: number;
  applied: number;
  merged: number;
  conflicts: number;
  refused: { articleId: number; rule: string; message: string }[];
  refusedPhotos: { photoId: string; rule: string; message: string }[];
  pulled: { created: number; updated: number; kept: number };
  /** Photo records pulled, and originals sent to the desk. */
  photos: { pulled: number; originalsSent: number };
  waiting: number;
}

/** The laptop's line to its desk. `error` is a core error code (desk_unreachable, desk_signed_out, …). */
export interface DeskConnection {
  /** Whether this core syncs in the background (the editor does; a CLI command does not). */
  background: boolean;
  /** The last round reached the desk (or the event stream is open). */
  online: boolean;
  syncing: boolean;
  error: { code: string; message: string } | null;
  /** When the next attempt after a failure is due. */
  retryAt: string | null;
}

/** A conflict waiting on an article: who changed the same words, and each passage in both texts. */
export interface DeskConflict {
  authors: string[];
  /** The desk's version that keeps the other text (passed back with the choice). */
  version: number;
  passages: { field: string; current: string[]; kept: string[] }[];
}

export const deskNewsKinds = [
  'edited',
  'submitted',
  'edited-status',
  'approved',
  'returned',
  'spiked',
  'exported',
] as const;
export type DeskNewsKind = (typeof deskNewsKinds)[number];

/** Something someone else did to one of this user's articles: for "while you were away". */
export interface DeskNews {
  id: number;
  articleId: number;
  headline: string;
  kind: DeskNewsKind;
  by: string;
  at: string;
  seen: boolean;
}
