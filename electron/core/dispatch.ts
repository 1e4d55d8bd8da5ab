import type { MethodName, Output } from '../../shared/api/contract';
import { contract, isMethodName } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { fail, ok } from '../../shared/api/result';
import { CoreError } from './CoreError';
import type { Handlers } from './createCore';

const sqliteCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/** Turns anything the core throws into a typed error; SQLite's own failures get codes a user can act on. */
function toFailure(error: unknown): { ok: false; error: { code: CoreError['code']; message: string } } {
  if (error instanceof CoreError) return fail(error.code, error.message);
  const code = sqliteCode(error);
  if (code === 'SQLITE_FULL')
    return fail('disk_full', 'The disk is full: the change was not saved. Free some space; saving resumes by itself.');
  if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED')) {
    return fail('unavailable', 'The archive is busy in another process; the change was not saved yet.');
  }
  if (code?.startsWith('SQLITE_')) return fail('storage', `The archive could not complete the change (${code}).`);
  return fail('internal', 'An unexpected error happened in the core; nothing was saved by this call.');
}

/** Validates the input against the contract, then calls the core. Both shells go through here. */
export async function dispatch(handlers: Handlers, method: string, input: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) return fail('not_found', `There is no method ${JSON.stringify(method.slice(0, 80))}.`);
  return call(handlers, method, input);
}

async function call<M extends MethodName>(handlers: Handlers, method: M, input: unknown): Promise<Result<Output<M>>> {
  const parsed = contract[method].input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return fail('validation', `Invalid input for ${method}${where}: ${issue?.message ?? 'unknown problem'}.`);
  }
  try {
    const handler = handlers[method] as (value: unknown) => Output<M> | Promise<Output<M>>;
    return ok(await handler(parsed.data));
  } catch (error) {
    const failure = toFailure(error);
    if (failure.error.code === 'internal') console.error(`[core] ${method} failed:`, error);
    return failure;
  }
}
