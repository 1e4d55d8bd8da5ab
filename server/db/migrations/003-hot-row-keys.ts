/**
 * The change log and the mutation answers no longer check their desk against `desks` on every
 * insert. Each check took a key-share lock on the desk's row, the one every push updates as its
 * change counter: inside the window where that row is held, and one more locker on it for each
 * push waiting. A desk is never deleted, and both are written only with the desk of the
 * signed-in device. Frozen: a later change is a new migration, never an edit here.
 */
export const sql = `
ALTER TABLE changes DROP CONSTRAINT changes_desk_id_fkey;
ALTER TABLE mutations DROP CONSTRAINT mutations_desk_id_fkey;
`;
