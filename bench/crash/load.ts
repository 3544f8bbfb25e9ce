import type { Rng } from '../lib/prng.js';
import { type ActionJson, call, type MilestoneJson, type Session } from './api.js';

/** What the server acknowledged (a 2xx answer with its body) and therefore must still hold after any crash. */
export interface AckedWrite {
  readonly kind: 'create-milestone' | 'move-milestone' | 'push' | 'open-action';
  readonly cycle: number;
  readonly entity: 'milestone' | 'action';
  readonly id: string;
  readonly key: string;
  readonly programId: string;
  /** The version the answer gave the record; for a successor pushed by a move, the one the client counts. */
  readonly version: number;
  /** The field the write set, and to what (as the change log writes it). */
  readonly field: 'forecastDate' | 'title';
  readonly value: string;
  /** Unique per write; in the change-log row's reason (create, move, and "pushed by …: reason") or its new value (an action's title). */
  readonly tag: string;
}

/** A write sent but not answered when the server was killed: it may or may not be committed. */
export interface InFlightWrite {
  readonly kind: AckedWrite['kind'];
  readonly programId: string;
  readonly tag: string;
}

/** A milestone as last known committed: from an acknowledged write or read back after a restart. */
export interface KnownMilestone {
  readonly id: string;
  readonly key: string;
  readonly programId: string;
  version: number;
  forecastDate: string;
  actualDate: string | null;
}

/** Everything the clients of one dialect's run share; each client writes only in its own programs. */
export interface LoadState {
  readonly dialect: string;
  readonly acked: AckedWrite[];
  readonly milestones: Map<string, KnownMilestone>;
  /** Refusals by code (4xx answers): expected none, a VERSION_CONFLICT would mean an unexpected writer. */
  readonly refusals: Map<string, number>;
  /** 5xx answers, with their codes. */
  readonly serverErrors: Map<string, number>;
}

export interface CycleLoad {
  readonly base: string;
  readonly session: Session;
  readonly cycle: number;
  readonly today: string;
  /** Set just before the kill: no new request starts after it. */
  readonly stopped: () => boolean;
}

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const phases = ['G1', 'G2', 'G3', 'G4'] as const;
const severities = ['low', 'medium', 'high', 'critical'] as const;

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * One client: sequential writes in its programs until the cycle stops — half moves of an open
 * milestone's forecast (±1–7 days, with a reason), three in ten new milestones, two in ten new
 * actions. Returns the write that was in flight when the server died, if any.
 */
export async function runClient(
  state: LoadState,
  load: CycleLoad,
  client: { readonly index: number; readonly programIds: readonly string[]; readonly rng: Rng },
): Promise<InFlightWrite | null> {
  const { rng } = client;
  for (let seq = 1; !load.stopped(); seq++) {
    const tag = `crash ${state.dialect} k${load.cycle} c${client.index} w${seq}`;
    const programId = rng.pick(client.programIds);
    const open = [...state.milestones.values()].filter((m) => m.programId === programId && m.actualDate === null);
    const r = rng.next();
    if (r < 0.5 && open.length > 0) {
      const m = rng.pick(open);
      const delta = rng.int(-5, 6);
      const to = addDays(m.forecastDate, delta >= 0 ? delta + 1 : delta);
      const a = await call(load.base, load.session, 'POST', `/api/v1/programs/${programId}/milestones/${m.id}/move`, {
        version: m.version,
        forecastDate: to,
        reason: tag,
      });
      if (!a) return { kind: 'move-milestone', programId, tag };
      if (!answered(state, a)) continue;
      const saved = a.body as unknown as MilestoneJson;
      m.version = saved.version;
      m.forecastDate = saved.forecastDate;
      state.acked.push(ack('move-milestone', load.cycle, programId, saved.id, saved.key, saved.version, saved.forecastDate, tag));
      for (const p of saved.pushed ?? []) {
        const pushed = state.milestones.get(p.id);
        if (!pushed) throw new Error(`${tag} pushed ${p.key}, which the client does not know`);
        pushed.version += 1;
        pushed.forecastDate = p.to;
        state.acked.push(ack('push', load.cycle, programId, p.id, p.key, pushed.version, p.to, tag));
      }
    } else if (r < 0.8) {
      const baselineDate = addDays(load.today, rng.int(20, 300));
      const a = await call(load.base, load.session, 'POST', `/api/v1/programs/${programId}/milestones`, {
        name: tag,
        phase: rng.pick(phases),
        baselineDate,
        reason: tag,
      });
      if (!a) return { kind: 'create-milestone', programId, tag };
      if (!answered(state, a)) continue;
      const m = a.body as unknown as MilestoneJson;
      state.milestones.set(m.id, {
        id: m.id,
        key: m.key,
        programId,
        version: m.version,
        forecastDate: m.forecastDate,
        actualDate: m.actualDate,
      });
      state.acked.push(ack('create-milestone', load.cycle, programId, m.id, m.key, m.version, m.forecastDate, tag));
    } else {
      const a = await call(load.base, load.session, 'POST', `/api/v1/programs/${programId}/actions`, {
        title: tag,
        ownerId: load.session.userId,
        dueDate: addDays(load.today, rng.int(3, 40)),
        severity: rng.pick(severities),
      });
      if (!a) return { kind: 'open-action', programId, tag };
      if (!answered(state, a)) continue;
      const x = a.body as unknown as ActionJson;
      state.acked.push({
        kind: 'open-action',
        cycle: load.cycle,
        entity: 'action',
        id: x.id,
        key: x.key,
        programId,
        version: x.version,
        field: 'title',
        value: x.title,
        tag,
      });
    }
  }
  return null;
}

function ack(
  kind: AckedWrite['kind'],
  cycle: number,
  programId: string,
  id: string,
  key: string,
  version: number,
  value: string,
  tag: string,
) {
  return { kind, cycle, entity: 'milestone', id, key, programId, version, field: 'forecastDate', value, tag } satisfies AckedWrite;
}

/** True for a 2xx answer; a refusal or a server error is counted and the client goes on. */
function answered(state: LoadState, a: { status: number; body: Record<string, unknown> }): boolean {
  if (a.status >= 200 && a.status < 300) return true;
  bump(a.status >= 500 ? state.serverErrors : state.refusals, `${a.status} ${String(a.body.code ?? '?')}`);
  return false;
}
