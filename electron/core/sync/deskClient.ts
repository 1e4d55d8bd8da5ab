import type {
  DeskCheckout,
  JoinResponse,
  MissingOriginal,
  Mutation,
  OriginalProgress,
  PullResponse,
  PushOutcome,
  SettingsPush,
} from '../../../shared/desk/protocol';
import { CoreError } from '../CoreError';

/** The desk's answers, as the laptop's sync needs them; a failure is a CoreError with a code a person can act on. */
export interface DeskClient {
  join: (user: string, password: string, device: string) => Promise<JoinResponse>;
  push: (mutations: Mutation[]) => Promise<PushOutcome[]>;
  pull: (after: number, limit?: number) => Promise<PullResponse>;
  /** This laptop has the article open for editing (or no longer); who else has it open. */
  checkOut: (articleId: string, editing: boolean) => Promise<DeskCheckout[]>;
  /** Everything others on the desk have open for editing. */
  checkouts: () => Promise<DeskCheckout[]>;
  /** An admin's change of the desk's settings. */
  pushSettings: (input: SettingsPush) => Promise<PushOutcome>;
  /** Of these photos, the originals the desk lacks (and how much of each it has). */
  missingOriginals: (hashes: string[]) => Promise<MissingOriginal[]>;
  /** One part of an original; a part at the wrong offset is answered with what the desk has. */
  sendOriginalPart: (sha256: string, offset: number, size: number, part: Uint8Array) => Promise<OriginalProgress>;
  /** An original's bytes from `start` to `end` inclusive (a range request), and its whole size. */
  readOriginal: (sha256: string, start: number, end: number) => Promise<{ size: number; data: Buffer }>;
}

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export function deskClient(url: string, token?: string, timeoutMs = 30_000): DeskClient {
  const send = async (path: string, init: RequestInit = {}): Promise<Response> => {
    try {
      return await fetch(new URL(path, url), {
        ...init,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(init.headers as Record<string, string>),
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      if (cause && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(cause))
        throw new CoreError('desk_certificate', `The desk's certificate is not trusted by this system (${cause}).`);
      throw new CoreError('desk_unreachable', `The desk at ${url} cannot be reached; everything stays saved here.`);
    }
  };
  const call = async <T>(path: string, body?: unknown): Promise<T> =>
    answer<T>(
      await send(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  const answer = async <T>(response: Response): Promise<T> => {
    const envelope = (await response.json().catch(() => undefined)) as Envelope<T> | undefined;
    if (envelope?.ok) return envelope.value;
    const code = envelope?.error.code;
    if (response.status === 401 && code === 'wrong_password')
      throw new CoreError('desk_wrong_password', 'Wrong user name or password.');
    if (response.status === 401)
      throw new CoreError('desk_signed_out', 'The desk signed this laptop out (revoked or disabled): join again.');
    if (response.status === 507)
      throw new CoreError('desk_full', "The desk's disk is full: tell its administrator. Everything stays saved here.");
    if (response.status === 429) throw new CoreError('desk_throttled', envelope?.error.message ?? 'Try again later.');
    throw new CoreError('desk_failed', envelope?.error.message ?? `The desk answered ${response.status}.`);
  };
  return {
    join: (user, password, device) => call<JoinResponse>('/api/join', { user, password, device }),
    push: async (mutations) => (await call<{ outcomes: PushOutcome[] }>('/api/push', { mutations })).outcomes,
    pull: (after, limit = 200) => call<PullResponse>(`/api/pull?after=${after}&limit=${limit}`),
    checkOut: async (articleId, editing) =>
      (await call<{ others: DeskCheckout[] }>('/api/checkouts', { articleId, editing })).others,
    checkouts: async () => (await call<{ checkouts: DeskCheckout[] }>('/api/checkouts')).checkouts,
    pushSettings: async (input) => (await call<{ outcome: PushOutcome }>('/api/settings', input)).outcome,
    missingOriginals: async (hashes) =>
      (await call<{ missing: MissingOriginal[] }>('/api/originals/missing', { hashes })).missing,
    sendOriginalPart: async (sha256, offset, size, part) => {
      const response = await send(`/api/originals/${sha256}?offset=${offset}&size=${size}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: part,
      });
      if (response.status === 409) {
        const refused = (await response.json()) as { error: { received: number } };
        return { received: refused.error.received, complete: false };
      }
      return answer<OriginalProgress>(response);
    },
    readOriginal: async (sha256, start, end) => {
      const response = await send(`/api/originals/${sha256}`, { headers: { Range: `bytes=${start}-${end}` } });
      // The whole size, from "bytes 0-9/1234" or "bytes */1234".
      const sizeOr = (fallback: number) =>
        Number(/\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1] ?? fallback);
      if (response.status === 416) return { size: sizeOr(start), data: Buffer.alloc(0) };
      if (response.status !== 200 && response.status !== 206) return answer(response);
      const data = await response.arrayBuffer().then(
        (bytes) => Buffer.from(bytes),
        () => {
          throw new CoreError('desk_unreachable', `The desk at ${url} stopped answering; what arrived is kept.`);
        },
      );
      return { size: sizeOr(data.length), data: response.status === 200 ? data.subarray(start, end + 1) : data };
    },
  };
}
