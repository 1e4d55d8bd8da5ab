/**
 * Advisory checkouts ("being edited by"): one row per article and device that has it open,
 * lapsing at `until` unless renewed. Frozen: a later change is a new migration, never an edit here.
 */
export const sql = `
CREATE TABLE checkouts (
  article_id uuid NOT NULL REFERENCES articles (id),
  device_id uuid NOT NULL REFERENCES devices (id),
  desk_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  until timestamptz NOT NULL,
  PRIMARY KEY (article_id, device_id)
);
CREATE INDEX checkouts_by_desk ON checkouts (desk_id, until);
`;
