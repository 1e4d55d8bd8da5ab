import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DeskPool } from '../db/database';
import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import {
  checkoutRequest,
  joinRequest,
  missingOriginalsRequest,
  originalPartBytes,
  originalPartQuery,
  pullQuery,
  pushRequest,
  settingsPush,
} from '../../shared/desk/protocol';
import { photoId } from '../../shared/photos/photo';
import type { JoinResponse } from '../../shared/desk/protocol';
import { checkOut, checkouts } from '../store/checkouts';
import { appendOriginal, missingOriginals, OriginalError, readOriginal } from '../store/originals';
import { saveDeskSettings } from '../store/settings';
import { pull, push } from '../store/sync';
import type { Actor } from '../store/users';
import { authenticate, joinDevice } from '../store/users';

export interface DeskServerOptions {
  pool: DeskPool;
  /** Certificate and key (PEM) for HTTPS; plain HTTP without them. */
  tls?: { cert: string; key: string };
  /** Called with each change number as it commits (from PostgreSQL's notifications); desk '*' after a reconnect: pull to be sure. */
  subscribe: (listener: (deskId: string, seq: number) => void) => () => void;
}

/** The desk's HTTP API: every input parsed with the protocol's schemas, every call but join behind a device token. */
export function createDeskServer(options: DeskServerOptions): FastifyInstance {
  const app = Fastify({
    bodyLimit: 8 * 1024 * 1024,
    https: options.tls ?? null,
    logger: false,
    connectionTimeout: 0,
    requestTimeout: 120_000,
  });
  const { pool } = options;

  const fail = (reply: FastifyReply, status: number, code: string, message: string) =>
    reply.code(status).send({ ok: false, error: { code, message } });

  const parse = <S extends z.ZodType>(schema: S, value: unknown, reply: FastifyReply): z.output<S> | undefined => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    void fail(reply, 400, 'validation', `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`);
    return undefined;
  };

  const actorOf = async (request: FastifyRequest, reply: FastifyReply): Promise<Actor | undefined> => {
    const token = /^Bearer ([A-Za-z0-9_-]{32,128})$/.exec(request.headers.authorization ?? '')?.[1];
    const actor = token ? await authenticate(pool, token) : undefined;
    if (!actor) void fail(reply, 401, 'unauthorized', 'This device is not signed in to the desk, or was signed out.');
    return actor;
  };

  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    reply.header('X-Content-Type-Options', 'nosniff');
  });

  app.post('/api/join', async (request, reply) => {
    const input = parse(joinRequest, request.body, reply);
    if (!input) return reply;
    const joined = await joinDevice(pool, input.user, input.password, input.device);
    if (!joined.ok)
      return joined.reason === 'throttled'
        ? fail(reply, 429, 'throttled', 'Too many wrong passwords for this user: try again in 15 minutes.')
        : fail(reply, 401, 'wrong_password', 'Wrong user name or password.');
    const body: JoinResponse = {
      token: joined.token,
      deviceId: joined.deviceId,
      user: joined.user.name,
      role: joined.user.role,
    };
    return reply.send({ ok: true, value: body });
  });

  app.get('/api/me', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    return reply.send({ ok: true, value: { user: actor.name, role: actor.role, deviceId: actor.deviceId } });
  });

  app.post('/api/push', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    const input = parse(pushRequest, request.body, reply);
    if (!input) return reply;
    return reply.send({ ok: true, value: { outcomes: await push(pool, actor, input.mutations) } });
  });

  /** "Being edited by": this device has the article open (or no longer); who else has. */
  app.post('/api/checkouts', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    const input = parse(checkoutRequest, request.body, reply);
    if (!input) return reply;
    const others = await checkOut(pool, actor, input.articleId, input.editing);
    if (!others) return fail(reply, 404, 'unknown_article', 'The desk has no such article.');
    return reply.send({ ok: true, value: { others } });
  });

  app.get('/api/checkouts', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    return reply.send({ ok: true, value: { checkouts: await checkouts(pool, actor) } });
  });

  /** An admin's change of the desk's settings, applied once like a push (laptops get them with the pull). */
  app.post('/api/settings', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    const input = parse(settingsPush, request.body, reply);
    if (!input) return reply;
    return reply.send({ ok: true, value: { outcome: await saveDeskSettings(pool, actor, input) } });
  });

  // Photo originals by hash: which the desk lacks, a resumable upload in parts, downloads with ranges.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: originalPartBytes },
    (_request, body, done) => done(null, body),
  );

  app.post('/api/originals/missing', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    const input = parse(missingOriginalsRequest, request.body, reply);
    if (!input) return reply;
    return reply.send({ ok: true, value: { missing: await missingOriginals(pool, actor.deskId, input.hashes) } });
  });

  app.put('/api/originals/:sha256', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    const sha256 = parse(photoId, (request.params as { sha256: string }).sha256, reply);
    const input = sha256 && parse(originalPartQuery, request.query, reply);
    if (!sha256 || !input) return reply;
    if (!Buffer.isBuffer(request.body))
      return fail(reply, 415, 'validation', 'A part of a photo is sent as application/octet-stream.');
    try {
      const progress = await appendOriginal(pool, actor.deskId, sha256, input.offset, input.size, request.body);
      return reply.send({ ok: true, value: progress });
    } catch (error) {
      if (!(error instanceof OriginalError)) throw error;
      return reply
        .code(error.code === 'offset' ? 409 : 422)
        .send({ ok: false, error: { code: error.code, message: error.message, received: error.received } });
    }
  });

  app.get('/api/originals/:sha256', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    const sha256 = parse(photoId, (request.params as { sha256: string }).sha256, reply);
    if (!sha256) return reply;
    const asked = /^bytes=(\d{1,12})-(\d{0,12})$/.exec(request.headers.range ?? '');
    const range = asked ? { start: Number(asked[1]), end: asked[2] ? Number(asked[2]) : undefined } : undefined;
    const original = await readOriginal(pool, actor.deskId, sha256, range);
    if (!original) return fail(reply, 404, 'unknown_original', 'The desk has no complete original with this hash.');
    if (range && range.start >= original.size)
      return reply.code(416).header('Content-Range', `bytes */${original.size}`).send();
    reply.header('Accept-Ranges', 'bytes').header('Content-Type', 'application/octet-stream');
    if (range) reply.code(206).header('Content-Range', `bytes ${original.start}-${original.end}/${original.size}`);
    return reply.send(original.data);
  });

  app.get('/api/pull', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    const input = parse(pullQuery, request.query, reply);
    if (!input) return reply;
    return reply.send({ ok: true, value: await pull(pool, actor.deskId, input.after, input.limit) });
  });

  /** Server-sent events: "there is something to pull", with the newest change number. */
  const streams = new Set<ServerResponse>();
  // A closing desk ends its streams (the laptops reconnect to another server, or retry).
  app.addHook('preClose', (done) => {
    for (const stream of streams) stream.end();
    done();
  });
  app.get('/api/events', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    reply.hijack();
    const raw: ServerResponse = reply.raw;
    raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    raw.write(': connected\n\n');
    streams.add(raw);
    const unsubscribe = options.subscribe((desk, seq) => {
      if (desk === actor.deskId || desk === '*') raw.write(`event: change\ndata: ${seq}\n\n`);
    });
    const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), 25_000);
    request.raw.on('close', () => {
      streams.delete(raw);
      clearInterval(keepAlive);
      unsubscribe();
    });
  });

  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    if (error.statusCode === 413) return fail(reply, 413, 'too_large', 'The request is too large.');
    if (error.statusCode === 415 || error.statusCode === 400)
      return fail(reply, error.statusCode, 'validation', error.message);
    // PostgreSQL out of disk (53100): nothing was written; the laptops keep their changes and resend.
    if ((error as { code?: string }).code === '53100') {
      console.error('[desk] the database disk is full:', error.message);
      return fail(
        reply,
        507,
        'desk_full',
        'The desk has no room left on its disk; nothing was written. Send again later.',
      );
    }
    console.error('[desk] request failed:', error);
    return fail(reply, 500, 'internal', 'The desk failed to answer; nothing was half done, send again.');
  });
  return app;
}
