/**
 * The desk-wide settings, one row a desk, changed by its admin and numbered in the change log
 * like an article (entity 'settings'). Frozen: a later change is a new migration, never an edit here.
 */
export const sql = `
CREATE TABLE desk_settings (
  desk_id uuid PRIMARY KEY REFERENCES desks (id),
  version integer NOT NULL,
  settings jsonb NOT NULL,
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
`;
