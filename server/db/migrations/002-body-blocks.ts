/**
 * An article's body as rows: each block's content once, in `article_blocks`, keyed by a digest
 * of the article and the block; the article and each revision hold the ordered list of block
 * ids. A one-paragraph save then writes one small block row and a list of ids, instead of the
 * whole body twice (the article and its revision), and a revision costs its list, not its text.
 * Frozen: a later change is a new migration, never an edit here.
 *
 * Existing articles and revisions are split here. The ids made here are a digest of the jsonb
 * text, the server's of its canonical JSON: the same block may get a second row, never a wrong one.
 */
export const sql = `
CREATE TABLE article_blocks (
  id uuid PRIMARY KEY,
  article_id uuid NOT NULL REFERENCES articles (id),
  content jsonb NOT NULL
);

CREATE FUNCTION pg_temp.block_id(article uuid, block jsonb) RETURNS uuid LANGUAGE sql IMMUTABLE AS
  $$ SELECT encode(substr(sha256(convert_to(article::text || ':' || block::text, 'UTF8')), 1, 16), 'hex')::uuid $$;

INSERT INTO article_blocks (id, article_id, content)
  SELECT pg_temp.block_id(a.id, e.block), a.id, e.block
    FROM articles a, jsonb_array_elements(coalesce(a.content->'body', '[]')) e(block)
  UNION ALL
  SELECT pg_temp.block_id(r.article_id, e.block), r.article_id, e.block
    FROM article_revisions r, jsonb_array_elements(coalesce(r.content->'body', '[]')) e(block)
  ON CONFLICT DO NOTHING;

ALTER TABLE articles ADD COLUMN body uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE article_revisions ADD COLUMN body uuid[] NOT NULL DEFAULT '{}';

UPDATE articles a SET
  body = coalesce((SELECT array_agg(pg_temp.block_id(a.id, e.block) ORDER BY e.n)
                     FROM jsonb_array_elements(a.content->'body') WITH ORDINALITY e(block, n)), '{}'),
  content = a.content - 'body';
UPDATE article_revisions r SET
  body = coalesce((SELECT array_agg(pg_temp.block_id(r.article_id, e.block) ORDER BY e.n)
                     FROM jsonb_array_elements(r.content->'body') WITH ORDINALITY e(block, n)), '{}'),
  content = r.content - 'body';

ALTER TABLE articles RENAME COLUMN content TO fields;
ALTER TABLE article_revisions RENAME COLUMN content TO fields;
ALTER TABLE articles ALTER COLUMN body DROP DEFAULT;
ALTER TABLE article_revisions ALTER COLUMN body DROP DEFAULT;

-- An article's or a revision's whole content, its body put back together in order.
CREATE FUNCTION body_of(ids uuid[]) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(b.content ORDER BY o.n), '[]')
    FROM unnest(ids) WITH ORDINALITY o(id, n) JOIN article_blocks b ON b.id = o.id
$$;
CREATE VIEW article_documents AS
  SELECT a.*, a.fields || jsonb_build_object('body', body_of(a.body)) AS content FROM articles a;
CREATE VIEW revision_documents AS
  SELECT r.*, r.fields || jsonb_build_object('body', body_of(r.body)) AS content FROM article_revisions r;
`;
