import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProblemSchema } from '../../contract/common.js';
import { actorOf } from '../auth.js';
import { type EventHub, heartbeatMs, type LiveEvent } from '../events/event-hub.js';
import { sendProblem } from '../problem.js';

/** How long a browser waits before it reconnects a dropped stream (ms), told in the stream's first line. */
const reconnectMs = 3_000;

/** One server-sent event: its id, name and JSON data (one line: JSON escapes every newline). */
const frame = (id: number, e: LiveEvent | { readonly event: 'resync'; readonly data: object }) =>
  `id: ${id}\nevent: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;

/**
 * GET /events: the signed-in person's live updates as server-sent events (text/event-stream), fed by the
 * instance's one poller (http/events/event-hub.ts).
 */
export const eventRoutes =
  (hub: EventHub): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/events',
      {
        schema: {
          tags: ['me'],
          summary: 'Live updates as server-sent events: your unread notices, and programs you see that changed',
          description: `text/event-stream. Events: \`notification\` ({unreadCount, newest}: sent at once and whenever your unread notices change), \`program\` ({programId, code}: a program you see was changed; refetch what shows it), \`resync\` (after a reconnect with Last-Event-ID: events may have been missed; refetch everything). A comment line keeps the stream open (every ${heartbeatMs / 1000} s, or each poll when TOLLGATE_EVENTS_POLL_MS is longer). Streams per instance (TOLLGATE_EVENT_STREAMS) and per person (TOLLGATE_EVENT_STREAMS_PER_PERSON) are bounded: beyond them 503 STREAMS_FULL or 429 TOO_MANY_STREAMS.`,
          response: { 401: ProblemSchema, 429: ProblemSchema, 503: ProblemSchema },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const raw = reply.raw;
        let id = 0;
        let isOpen = true;
        const write = (text: string) => {
          if (isOpen && !raw.destroyed) raw.write(text);
        };
        const opened = hub.open(actor, {
          send: (e) => write(frame(++id, e)),
          heartbeat: () => write(': keep-alive\n\n'),
          end: () => {
            isOpen = false;
            raw.end();
          },
        });
        if (!opened.ok) {
          if (opened.error.code === 'STREAMS_FULL') reply.header('retry-after', String(reconnectMs / 1000));
          return sendProblem(reply, opened.error);
        }
        // The stream is written by hand from here on; the headers set so far (security headers) go with it.
        reply.hijack();
        const kept = Object.entries(reply.getHeaders()).filter((e): e is [string, string | number | string[]] => e[1] !== undefined);
        raw.writeHead(200, {
          ...Object.fromEntries(kept),
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        write(`retry: ${reconnectMs}\n\n`);
        // A reconnect: whatever happened while the stream was down was not sent; the page refetches.
        if (req.headers['last-event-id'] !== undefined) write(frame(++id, { event: 'resync', data: {} }));
        req.raw.on('close', () => {
          isOpen = false;
          opened.close();
        });
      },
    );
  };
