/** Each body block's JSON, by block object: the editor keeps the objects of blocks that did not change. */
const blockJson = new WeakMap<object, string>();

/**
 * The JSON of a contract input. An input with a `body` (a save) reuses the JSON of every block
 * it has written before, so saving a long article stringifies only the blocks that changed
 * since the last save instead of the whole body (megabytes at 10,000 blocks) on the page's
 * main thread. Blocks are never changed in place (Slate replaces a node it changes), which is
 * what makes the object a sound key.
 */
export function inputJson(input: unknown): string {
  if (typeof input !== 'object' || input === null || !Array.isArray((input as { body?: unknown }).body))
    return JSON.stringify(input);
  const { body, ...rest } = input as { body: unknown[] };
  const blocks = body.map((block) => {
    if (typeof block !== 'object' || block === null) return JSON.stringify(block);
    let json = blockJson.get(block);
    if (json === undefined) {
      json = JSON.stringify(block);
      blockJson.set(block, json);
    }
    return json;
  });
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)}${head === '{}' ? '' : ','}"body":[${blocks.join(',')}]}`;
}
