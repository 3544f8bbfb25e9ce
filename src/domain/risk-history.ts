import { riskScore } from './risk.js';

/*
 * A risk's past, read from its change-log rows only (never from its current state): the score
 * history of one risk, and what happened to a program's risks in a period ("risk changes this week").
 */

/** One change-log row of a risk, as the change log keeps it. */
export interface RiskChangeRow {
  readonly at: string;
  readonly actorId: string;
  readonly entityId: string;
  readonly entityKey: string | null;
  readonly correlationId: string;
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly reason: string | null;
}

/** The rows of one write to one risk: they share the correlation id, instant, actor and reason. */
interface RiskWrite {
  readonly at: string;
  readonly actorId: string;
  readonly riskId: string;
  readonly key: string | null;
  readonly reason: string | null;
  readonly fields: ReadonlyMap<string, { readonly oldValue: string | null; readonly newValue: string | null }>;
}

/** Groups rows (oldest first) into writes, in the order the writes happened. */
function writesOf(rows: readonly RiskChangeRow[]): RiskWrite[] {
  const byWrite = new Map<
    string,
    {
      at: string;
      actorId: string;
      riskId: string;
      key: string | null;
      reason: string | null;
      fields: Map<string, { oldValue: string | null; newValue: string | null }>;
    }
  >();
  for (const r of rows) {
    const id = `${r.correlationId}/${r.entityId}`;
    let w = byWrite.get(id);
    if (!w) {
      w = { at: r.at, actorId: r.actorId, riskId: r.entityId, key: r.entityKey, reason: r.reason, fields: new Map() };
      byWrite.set(id, w);
    }
    w.fields.set(r.field, { oldValue: r.oldValue, newValue: r.newValue });
  }
  return [...byWrite.values()];
}

const level = (v: string | null | undefined): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

/** A risk's state as far as the rows tell it. */
interface Replayed {
  key: string | null;
  title: string;
  likelihood: number | null;
  impact: number | null;
  residualLikelihood: number | null;
  residualImpact: number | null;
  status: string | null;
}

const blank = (): Replayed => ({
  key: null,
  title: '',
  likelihood: null,
  impact: null,
  residualLikelihood: null,
  residualImpact: null,
  status: null,
});

function apply(s: Replayed, w: RiskWrite): Replayed {
  const next = { ...s, key: w.key ?? s.key };
  const f = w.fields;
  if (f.has('title')) next.title = f.get('title')?.newValue ?? '';
  if (f.has('likelihood')) next.likelihood = level(f.get('likelihood')?.newValue);
  if (f.has('impact')) next.impact = level(f.get('impact')?.newValue);
  if (f.has('residualLikelihood')) next.residualLikelihood = level(f.get('residualLikelihood')?.newValue);
  if (f.has('residualImpact')) next.residualImpact = level(f.get('residualImpact')?.newValue);
  if (f.has('status')) next.status = f.get('status')?.newValue ?? null;
  return next;
}

const scoreOf = (l: number | null, i: number | null): number | null => (l === null || i === null ? null : riskScore(l, i));

const scoreFields = ['likelihood', 'impact', 'residualLikelihood', 'residualImpact'];

export interface ScorePoint {
  readonly at: string;
  readonly actorId: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly residualLikelihood: number | null;
  readonly residualImpact: number | null;
  readonly residualScore: number | null;
  readonly reason: string | null;
}

/**
 * Every scoring of one risk, oldest first: a point for each write that set or changed its likelihood,
 * impact or residual levels (the first is the risk being raised), with who, when and why.
 */
export function scoreHistory(rows: readonly RiskChangeRow[]): ScorePoint[] {
  const out: ScorePoint[] = [];
  let s = blank();
  for (const w of writesOf(rows)) {
    s = apply(s, w);
    if (!scoreFields.some((f) => w.fields.has(f)) || s.likelihood === null || s.impact === null) continue;
    out.push({
      at: w.at,
      actorId: w.actorId,
      likelihood: s.likelihood,
      impact: s.impact,
      score: riskScore(s.likelihood, s.impact),
      residualLikelihood: s.residualLikelihood,
      residualImpact: s.residualImpact,
      residualScore: scoreOf(s.residualLikelihood, s.residualImpact),
      reason: w.reason,
    });
  }
  return out;
}

export type RiskEventKind = 'new' | 'rescored' | 'closed' | 'realized';

export interface RiskEvent {
  readonly kind: RiskEventKind;
  readonly at: string;
  readonly actorId: string;
  readonly riskId: string;
  /** Key and title as they were at the time. */
  readonly key: string;
  readonly title: string;
  /** The score before (re-scored only). */
  readonly from: number | null;
  /** The score after (new and re-scored). */
  readonly to: number | null;
  readonly reason: string | null;
}

/**
 * What happened to risks between two instants (from inclusive, until exclusive), oldest first:
 * raised (new), likelihood or impact changed (re-scored, from → to), closed, realized. `rows` are the
 * risks' change-log rows oldest first, from their beginning up to `until` at least, so that a
 * re-scoring knows the score it left even when that was set before the period.
 */
export function riskEvents(rows: readonly RiskChangeRow[], from: string, until: string): RiskEvent[] {
  const states = new Map<string, Replayed>();
  const out: RiskEvent[] = [];
  for (const w of writesOf(rows)) {
    const before = states.get(w.riskId) ?? blank();
    const after = apply(before, w);
    states.set(w.riskId, after);
    if (w.at < from || w.at >= until) continue;
    const event = (kind: RiskEventKind, fromScore: number | null, toScore: number | null): RiskEvent => ({
      kind,
      at: w.at,
      actorId: w.actorId,
      riskId: w.riskId,
      key: after.key ?? '',
      title: after.title,
      from: fromScore,
      to: toScore,
      reason: w.reason,
    });
    const status = w.fields.get('status');
    if (status && status.oldValue === null && status.newValue !== null) {
      out.push(event('new', null, scoreOf(after.likelihood, after.impact)));
      continue;
    }
    const rescored = ['likelihood', 'impact'].some((f) => {
      const c = w.fields.get(f);
      return c !== undefined && c.oldValue !== null;
    });
    if (rescored) out.push(event('rescored', scoreOf(before.likelihood, before.impact), scoreOf(after.likelihood, after.impact)));
    if (status && (status.newValue === 'closed' || status.newValue === 'realized')) out.push(event(status.newValue, null, null));
  }
  return out;
}
