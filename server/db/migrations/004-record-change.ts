/**
 * Numbering a change as one function, so a push sends it together with its COMMIT in a single
 * round trip: the desk's counter row is then held only while PostgreSQL itself numbers and
 * commits, never while the desk server's event loop gets round to sending COMMIT.
 * Frozen: a later change is a new migration, never an edit here.
 */
export const sql = `
CREATE FUNCTION record_change(the_desk uuid, the_kind text, the_entity uuid) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
BEGIN
  UPDATE desks SET last_change = last_change + 1 WHERE id = the_desk RETURNING last_change INTO n;
  INSERT INTO changes (desk_id, seq, entity, entity_id) VALUES (the_desk, n, the_kind, the_entity);
  -- Delivered when the transaction commits, to every desk server listening on this database.
  PERFORM pg_notify('newsroom_changes', the_desk || ':' || n);
  RETURN n;
END
$$;
`;
