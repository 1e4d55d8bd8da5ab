/**
 * The desk's first schema. Frozen: a later change is a new migration, never an edit here.
 * `desks.last_change` is the counter that numbers changes in commit order (see changeLog.ts).
 */
export const sql = `
CREATE TABLE desks (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  last_change bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  desk_id uuid NOT NULL REFERENCES desks (id),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('reporter', 'photo', 'editor', 'admin')),
  password_hash text NOT NULL,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (desk_id, name)
);

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  label text NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE articles (
  id uuid PRIMARY KEY,
  desk_id uuid NOT NULL REFERENCES desks (id),
  version integer NOT NULL,
  status text NOT NULL,
  author_id uuid NOT NULL REFERENCES users (id),
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  content jsonb NOT NULL,
  conflict jsonb
);

-- Every version of every article: the merge base of a laptop's change, and the kept text of a conflict.
CREATE TABLE article_revisions (
  article_id uuid NOT NULL REFERENCES articles (id),
  version integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('save', 'conflict')),
  content jsonb NOT NULL,
  author_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, version, kind)
);

-- The change log: one row per committed change, numbered by desks.last_change.
CREATE TABLE changes (
  desk_id uuid NOT NULL REFERENCES desks (id),
  seq bigint NOT NULL,
  entity text NOT NULL,
  entity_id uuid NOT NULL,
  PRIMARY KEY (desk_id, seq)
);

-- The answer to every mutation, so a mutation sent again is answered again, not applied again.
CREATE TABLE mutations (
  desk_id uuid NOT NULL REFERENCES desks (id),
  id uuid NOT NULL,
  device_id uuid NOT NULL REFERENCES devices (id),
  outcome jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (desk_id, id)
);

CREATE TABLE login_attempts (
  user_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_by_name ON login_attempts (user_name, at);
`;
