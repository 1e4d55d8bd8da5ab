/**
 * JSON with object keys sorted, so equal values give equal text whatever their key order
 * (PostgreSQL's jsonb reorders keys; a laptop's JSON keeps them as written).
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
