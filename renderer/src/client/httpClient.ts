import type { Api, MethodName } from '../../../shared/api/contract';
import { methodNames } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { fail, isResult } from '../../../shared/api/result';
import { inputJson } from './inputJson';

/** Browsers refuse keepalive bodies over 64 KiB; smaller saves survive the page closing. */
const keepaliveLimit = 60_000;

export function createHttpClient(token: string, origin = ''): Api {
  const call = async (method: MethodName, input: unknown): Promise<Result<unknown>> => {
    const body = inputJson(input);
    let response: Response;
    try {
      response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body,
        keepalive: body.length < keepaliveLimit,
        credentials: 'omit',
      });
    } catch {
      return fail('unavailable', 'The Newsroom server cannot be reached.');
    }
    let envelope: unknown;
    try {
      envelope = await response.json();
    } catch {
      return fail('unavailable', `The Newsroom server answered ${response.status} without a result.`);
    }
    return isResult(envelope) ? envelope : fail('internal', 'The server answered with something that is not a result.');
  };
  return Object.fromEntries(methodNames.map((method) => [method, (input: unknown) => call(method, input)])) as Api;
}
