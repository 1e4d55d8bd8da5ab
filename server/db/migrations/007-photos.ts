/**
 * Photos on the desk. An original is kept in the database, content-addressed by its SHA-256,
 * as the parts its upload arrived in: the desk servers keep no files of their own (two of them
 * on one PostgreSQL serve the same photos), one backup of the database holds everything, and
 * the transaction that checks the last part's hash is the one that makes the original count.
 * A record (credit, caption…) is numbered in the change log like an article; its id is a UUID
 * made from the hash, so the same photo imported on two laptops is one record.
 * Frozen: a later change is a new migration, never an edit here.
 */
export const sql = `
CREATE TABLE photo_originals (
  desk_id uuid NOT NULL REFERENCES desks (id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size > 0),
  received bigint NOT NULL DEFAULT 0 CHECK (received <= size),
  complete boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (desk_id, sha256)
);

CREATE TABLE photo_original_parts (
  desk_id uuid NOT NULL,
  sha256 text NOT NULL,
  start_at bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (desk_id, sha256, start_at),
  FOREIGN KEY (desk_id, sha256) REFERENCES photo_originals (desk_id, sha256) ON DELETE CASCADE
);

CREATE TABLE photos (
  id uuid PRIMARY KEY,
  desk_id uuid NOT NULL REFERENCES desks (id),
  sha256 text NOT NULL,
  version integer NOT NULL,
  file jsonb NOT NULL,
  meta jsonb NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  conflict jsonb,
  UNIQUE (desk_id, sha256)
);

-- Every version of every record: the merge base of a laptop's change, and a conflict's other text.
CREATE TABLE photo_revisions (
  photo_id uuid NOT NULL REFERENCES photos (id),
  version integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('save', 'conflict')),
  meta jsonb NOT NULL,
  author_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (photo_id, version, kind)
);
`;
