import type { UserId } from './ids.js';

// In-app notices (issue 12): what each kind tells, its bounds, and who receives it. A notice is made in
// the transaction of the change it tells of (app/notifications/notify.ts); the person who made the change
// is never told of it.

export const noticeKinds = [
  'gate_status_changed',
  'evidence_awaits_review',
  'evidence_rejected',
  'gate_at_risk',
  'intake_submitted',
  'action_assigned',
  'escalation_raised',
  'escalation_climbed',
  'update_requested',
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** An item a gate-at-risk notice names. */
export interface NoticeItem {
  readonly key: string;
  readonly title: string;
}

/** What each kind of notice tells: the program by code, the records by key, titles as they were. */
export interface NoticeFactsOf {
  readonly gate_status_changed: {
    readonly programCode: string;
    readonly gateKey: string;
    readonly gateName: string;
    readonly fromStatus: string;
    readonly toStatus: string;
  };
  readonly evidence_awaits_review: {
    readonly programCode: string;
    readonly gateKey: string;
    readonly itemKey: string;
    readonly itemTitle: string;
  };
  readonly evidence_rejected: {
    readonly programCode: string;
    readonly gateKey: string;
    readonly itemKey: string;
    readonly itemTitle: string;
    readonly comment: string;
  };
  readonly gate_at_risk: {
    readonly programCode: string;
    readonly gateKey: string;
    readonly gateName: string;
    readonly plannedReviewDate: string | null;
    /** The required items not on course, at most maxNoticeItems; `moreItems` counts the rest. */
    readonly items: readonly NoticeItem[];
    readonly moreItems: number;
  };
  readonly intake_submitted: {
    readonly programCode: string;
    readonly programName: string;
    readonly clientName: string;
  };
  readonly action_assigned: {
    readonly programCode: string;
    readonly actionKey: string;
    readonly title: string;
  };
  /** An escalation raised: its key, what fired it, how grave, whose it is and by when (an instant, UTC). */
  readonly escalation_raised: EscalationNoticeFacts;
  /** An escalation that expired climbed a level of the escalation path to a new owner with a new deadline. */
  readonly escalation_climbed: EscalationNoticeFacts;
  /** Tollgate asks the owner to update their items before the weekly report of `week` (at most maxNoticeItems named). */
  readonly update_requested: {
    readonly programCode: string;
    readonly week: string;
    readonly items: readonly NoticeItem[];
    readonly moreItems: number;
  };
}

/** What an escalation's notices tell (the e-mail shows the deadline in the recipient's zone). */
export interface EscalationNoticeFacts {
  readonly programCode: string;
  readonly escalationKey: string;
  readonly triggerKind: string;
  readonly subjectTitle: string;
  readonly severity: string;
  readonly ownerName: string;
  readonly deadlineAt: string;
  readonly level: number;
}

/** A notice's kind with its facts. */
export type NoticeBody = { [K in NoticeKind]: { readonly kind: K; readonly facts: NoticeFactsOf[K] } }[NoticeKind];

/** Texts a notice keeps are cut to this many characters (a rejection's comment, titles). */
export const maxNoticeText = 500;
/** A gate-at-risk notice names at most this many items. */
export const maxNoticeItems = 10;
/** A notice's facts as JSON are at most this many characters. */
export const maxNoticeFactsChars = 4000;

const cut = (s: string, n = maxNoticeText): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The facts as kept: every text cut to its bound, at most maxNoticeItems items; the JSON then fits maxNoticeFactsChars. */
export function boundedFacts(body: NoticeBody): NoticeBody {
  const f = body.facts as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (typeof v === 'string') out[k] = cut(v, k === 'comment' ? maxNoticeText : 200);
    else if (Array.isArray(v))
      out[k] = v.slice(0, maxNoticeItems).map((i: NoticeItem) => ({ key: cut(i.key, 40), title: cut(i.title, 200) }));
    else out[k] = v;
  }
  if (body.kind === 'gate_at_risk' || body.kind === 'update_requested')
    out.moreItems = body.facts.moreItems + Math.max(0, body.facts.items.length - maxNoticeItems);
  return { kind: body.kind, facts: out } as NoticeBody;
}

/** Where a notice leads in the web app: the gate (and the item), the program, or the action. */
export function noticeLink(body: NoticeBody): string {
  const program = `/programs/${encodeURIComponent(body.facts.programCode)}`;
  switch (body.kind) {
    case 'gate_status_changed':
    case 'gate_at_risk':
      return `${program}/gates/${encodeURIComponent(body.facts.gateKey)}`;
    case 'evidence_awaits_review':
    case 'evidence_rejected':
      return `${program}/gates/${encodeURIComponent(body.facts.gateKey)}#${encodeURIComponent(body.facts.itemKey)}`;
    case 'intake_submitted':
      return program;
    case 'action_assigned':
      return `${program}/actions#${encodeURIComponent(body.facts.actionKey)}`;
    case 'escalation_raised':
    case 'escalation_climbed':
      return `${program}/escalations#${encodeURIComponent(body.facts.escalationKey)}`;
    case 'update_requested':
      return '/week';
  }
}

/** The people to tell: each once, nobody absent, never the one who made the change. */
export function noticeRecipients(candidates: readonly (UserId | null | undefined)[], actorId: UserId | null): UserId[] {
  const out: UserId[] = [];
  for (const id of candidates) if (id && id !== actorId && !out.includes(id)) out.push(id);
  return out;
}
