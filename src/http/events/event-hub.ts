import { principalOf } from '../../app/auth/principal.js';
import type { Actor, AppDeps } from '../../app/deps.js';
import type { UnreadNotices } from '../../app/ports.js';
import type { NotificationEvent, ProgramEvent } from '../../contract/notification.js';
import { asClientId, asProgramId } from '../../domain/ids.js';
import { canSee } from '../../domain/policy.js';
import type { Refusal } from '../../domain/result.js';
import type { Principal } from '../../domain/roles.js';
import { notificationsJson } from '../../present/notifications-json.js';

/** How live updates run on an instance (TOLLGATE_EVENTS_POLL_MS, TOLLGATE_EVENT_STREAMS, TOLLGATE_EVENT_STREAMS_PER_PERSON). */
export interface EventLimits {
  readonly pollMs: number;
  readonly streams: number;
  readonly streamsPerPerson: number;
}

export const defaultEventLimits: EventLimits = { pollMs: 2_000, streams: 500, streamsPerPerson: 5 };

/** A comment line is written to every stream at least this often, so proxies and browsers keep it open (ms). */
export const heartbeatMs = 15_000;

/** What a stream is sent: the event's name and its data. */
export type LiveEvent =
  | { readonly event: 'notification'; readonly data: NotificationEvent }
  | { readonly event: 'program'; readonly data: ProgramEvent };

/** One open stream: whose, and where its events and heartbeats go. */
interface Stream {
  principal: Principal;
  readonly send: (e: LiveEvent) => void;
  readonly heartbeat: () => void;
  readonly end: () => void;
  /** The person's unread notices as this stream last heard of them; undefined until told once. */
  told?: UnreadNotices;
}

const sameUnread = (a: UnreadNotices | undefined, b: UnreadNotices) => a !== undefined && a.count === b.count && a.newestId === b.newestId;

/**
 * The live updates of one instance: ONE poller reads the database every pollMs while any stream is
 * open (the unread notices of the people connected here; programs' revisions, and only when their sum
 * moved, which programs moved), and fans the differences out to the streams. Every instance polls the
 * same database, so a change made on any instance reaches streams on every one; nothing is kept between
 * instances. Streams are bounded per instance and per person.
 */
export class EventHub {
  private readonly streams = new Set<Stream>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private programsSeen: { sum: string; revisions: Map<string, number> } | null = null;
  private priming: Promise<void> | null = null;
  private workspaceSeen = -1;
  private lastBeat = Date.now();
  private closed = false;

  constructor(
    private readonly deps: AppDeps,
    private readonly limits: EventLimits,
    private readonly logError: (err: unknown) => void,
  ) {}

  /** Streams open now (for tests and logs). */
  get size(): number {
    return this.streams.size;
  }

  /**
   * Opens a stream for the person, or refuses beyond the limits. The person's current unread count is
   * sent at once; `close` (returned) is to be called when the client leaves.
   */
  open(actor: Actor, io: Pick<Stream, 'send' | 'heartbeat' | 'end'>): { ok: true; close: () => void } | { ok: false; error: Refusal } {
    if (this.closed || this.streams.size >= this.limits.streams) {
      return {
        ok: false,
        error: { code: 'STREAMS_FULL', message: `This server has ${this.limits.streams} live-update streams open, as many as it takes.` },
      };
    }
    let own = 0;
    for (const s of this.streams) if (s.principal.id === actor.id) own++;
    if (own >= this.limits.streamsPerPerson) {
      return {
        ok: false,
        error: { code: 'TOO_MANY_STREAMS', message: `You have ${own} live-update streams open, as many as one person may; close a tab.` },
      };
    }
    const stream: Stream = { principal: actor, ...io };
    this.streams.add(stream);
    void this.tellUnread([stream]).catch(this.logError);
    // The first stream after a quiet spell takes the programs' revisions now, so a write in the next round is seen.
    if (!this.programsSeen && !this.priming) {
      this.priming = (async () => {
        await this.refreshPeople();
        await this.tellPrograms();
      })()
        .catch(this.logError)
        .finally(() => {
          this.priming = null;
        });
    }
    this.schedule();
    return { ok: true, close: () => this.streams.delete(stream) };
  }

  /** Ends every stream and stops polling (the server is closing). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const s of this.streams) s.end();
    this.streams.clear();
    await this.polling;
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.streams.size === 0) {
        // Nobody listens: the poller sleeps; the next stream reads programs afresh.
        this.programsSeen = null;
        return;
      }
      this.polling = this.poll()
        .catch(this.logError)
        .finally(() => {
          this.polling = null;
          this.schedule();
        });
    }, this.limits.pollMs);
    this.timer.unref();
  }

  /** One round: who lost or changed roles, unread notices, programs that moved, heartbeats. */
  private async poll(): Promise<void> {
    await this.priming;
    await this.refreshPeople();
    await this.tellUnread([...this.streams]);
    await this.tellPrograms();
    if (Date.now() - this.lastBeat >= heartbeatMs) {
      this.lastBeat = Date.now();
      for (const s of this.streams) s.heartbeat();
    }
  }

  /** When people or roles changed anywhere, each connected person's roles are read again; a removed person's streams end. */
  private async refreshPeople(): Promise<void> {
    const reads = this.deps.store.reads;
    const revision = await reads.workspaceRevision();
    if (revision === this.workspaceSeen) return;
    const first = this.workspaceSeen === -1;
    this.workspaceSeen = revision;
    if (first) return;
    const ids = [...new Set([...this.streams].map((s) => s.principal.id))];
    const users = new Map((await reads.findUsers(ids)).map((u) => [u.id as string, u]));
    const principals = new Map<string, Principal>();
    for (const id of ids) {
      const u = users.get(id);
      if (u && u.status === 'active') principals.set(id, await principalOf(reads, u));
    }
    for (const s of this.streams) {
      const p = principals.get(s.principal.id);
      if (p) s.principal = p;
      else {
        s.end();
        this.streams.delete(s);
      }
    }
  }

  /** Tells each of these streams its person's unread count and newest notice, when it changed since it was last told. */
  private async tellUnread(streams: readonly Stream[]): Promise<void> {
    if (streams.length === 0) return;
    const reads = this.deps.store.reads;
    const unread = await reads.unreadNotices(streams.map((s) => s.principal.id));
    const newest = new Map<string, NotificationEvent['newest']>();
    for (const s of streams) {
      const now = unread.get(s.principal.id) ?? { count: 0, newestId: null };
      if (sameUnread(s.told, now) || !this.streams.has(s)) continue;
      const id = s.principal.id;
      if (!newest.has(id)) {
        const n = now.newestId ? await reads.findNotice(s.principal.id, now.newestId) : null;
        newest.set(id, n ? ((await notificationsJson(reads, [n]))[0] ?? null) : null);
      }
      s.told = now;
      s.send({ event: 'notification', data: { unreadCount: now.count, newest: newest.get(id) ?? null } });
    }
  }

  /** Tells each stream of the programs its person sees that were written since the last round. */
  private async tellPrograms(): Promise<void> {
    const reads = this.deps.store.reads;
    const sums = await reads.programRevisions();
    const sum = sums.map((r) => `${r.timeZone}:${r.programs}:${r.revisions}`).join('|');
    if (this.programsSeen?.sum === sum) return;
    const rows = await reads.listProgramRevisions();
    const before = this.programsSeen?.revisions;
    this.programsSeen = { sum, revisions: new Map(rows.map((r) => [r.id, r.revision])) };
    if (!before) return;
    const moved = rows.filter((r) => before.get(r.id) !== r.revision);
    for (const s of this.streams) {
      for (const p of moved) {
        if (canSee(s.principal, { id: asProgramId(p.id), clientId: asClientId(p.clientId) })) {
          s.send({ event: 'program', data: { programId: p.id, code: p.code } });
        }
      }
    }
  }
}
