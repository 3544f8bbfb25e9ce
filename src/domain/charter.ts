import { isBlank, textProblem } from './gates/gate-text.js';
import type { UserId } from './ids.js';
import { type FieldProblem, ok, type Result, refuse } from './result.js';

/**
 * The kickoff charter of a program, written before activation: who decides, whom an escalation climbs
 * to, what success means at each gate, when the weekly report goes out and to whom, and when an
 * unresolved risk goes to leadership.
 */
export interface Charter {
  /** The one person who decides the program's open questions (and, by default, its gates). */
  readonly decisionOwnerId: UserId | null;
  /** Whom an expired escalation climbs to, level by level (first: the first level above the action owner). */
  readonly escalationPath: readonly UserId[];
  /** Per gate key (G1 …): what success at that gate means, in the program's words. */
  readonly successDefinitions: Readonly<Record<string, string>>;
  readonly weeklyReport: WeeklyReportSchedule;
  readonly leadershipReview: LeadershipReviewRule;
}

export interface WeeklyReportSchedule {
  /** ISO weekday the report is issued on: 1 Monday … 7 Sunday; null while not chosen. */
  readonly weekday: number | null;
  /** Local time at the factory, HH:MM (24 h); null while not chosen. */
  readonly time: string | null;
  /** People of the workspace who receive it. */
  readonly recipientIds: readonly UserId[];
  /** Addresses outside the workspace (leadership, the client's buyer). */
  readonly recipientEmails: readonly string[];
  /** When owners are asked to update their items before the report (absent: as off). */
  readonly updateRequests?: UpdateRequestRule | undefined;
  /** Tollgate issues the week's report itself at the day and time, as the cadence owner, findings acknowledged automatically. */
  readonly autoIssue: boolean;
}

/**
 * Update requests before the weekly report: `businessDaysBefore` business days before the report's day (0: that
 * day), on the program's calendar, each owner of an item due, overdue or not updated for `untouchedDays` days is
 * asked to update it. `businessDaysBefore` null: no requests go out.
 */
export interface UpdateRequestRule {
  readonly businessDaysBefore: number | null;
  readonly untouchedDays: number;
}

/** Update requests off, with the untouched time a cadence owner starts from. */
export const noUpdateRequests: UpdateRequestRule = { businessDaysBefore: null, untouchedDays: 14 };

/** A charter's update request rule (off when it has none). */
export const updateRequestRuleOf = (c: Charter): UpdateRequestRule => c.weeklyReport.updateRequests ?? noUpdateRequests;

/** An open risk scoring at least `scoreAtLeast` that stays unresolved for `unresolvedDays` business days goes to leadership review. */
export interface LeadershipReviewRule {
  readonly scoreAtLeast: number | null;
  readonly unresolvedDays: number | null;
}

/** Bounds of a charter (documented with the API). */
export const charterLimits = {
  escalationLevels: 5,
  recipients: 50,
  emailLength: 254,
  /** A risk's score is likelihood × impact on the 5 × 5 scale. */
  score: { min: 1, max: 25 },
  unresolvedDays: { min: 1, max: 120 },
  /** Update requests go out this many business days before the report's day, at most. */
  requestDaysBefore: { min: 0, max: 10 },
  /** An item not updated for this many days is asked about. */
  untouchedDays: { min: 1, max: 60 },
} as const;

export const emptyCharter: Charter = {
  decisionOwnerId: null,
  escalationPath: [],
  successDefinitions: {},
  weeklyReport: { weekday: null, time: null, recipientIds: [], recipientEmails: [], autoIssue: false },
  leadershipReview: { scoreAtLeast: null, unresolvedDays: null },
};

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const isIn = (n: number, r: { min: number; max: number }) => Number.isInteger(n) && n >= r.min && n <= r.max;

/**
 * What is wrong with the charter's values as given (each named by its field), whether or not it is
 * complete yet: a charter may be saved half written, but never with a wrong value in it.
 * `mayHoldRoles`: the people who may take part in the program (hold a role on it or its client).
 */
export function charterValueProblems(c: Charter, gateKeys: readonly string[], mayHoldRoles: ReadonlySet<UserId>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const person = (path: string, id: UserId | null) => {
    if (id !== null && !mayHoldRoles.has(id)) problems.push({ path, message: 'Not someone who takes part in this program.' });
  };
  person('decisionOwnerId', c.decisionOwnerId);
  if (c.escalationPath.length > charterLimits.escalationLevels)
    problems.push({ path: 'escalationPath', message: `At most ${charterLimits.escalationLevels} levels.` });
  const seen = new Set<UserId>();
  c.escalationPath.forEach((id, i) => {
    person(`escalationPath[${i}]`, id);
    if (seen.has(id)) problems.push({ path: `escalationPath[${i}]`, message: 'Already on the path: each level is someone else.' });
    seen.add(id);
  });
  for (const [gate, text] of Object.entries(c.successDefinitions)) {
    if (!gateKeys.includes(gate)) problems.push({ path: `successDefinitions.${gate}`, message: `The program has no gate ${gate}.` });
    else if (!isBlank(text)) {
      const p = textProblem(`successDefinitions.${gate}`, text, 'long');
      if (p) problems.push(p);
    }
  }
  const w = c.weeklyReport;
  if (w.weekday !== null && !isIn(w.weekday, { min: 1, max: 7 }))
    problems.push({ path: 'weeklyReport.weekday', message: 'A weekday from 1 (Monday) to 7 (Sunday).' });
  if (w.time !== null && !timePattern.test(w.time))
    problems.push({ path: 'weeklyReport.time', message: 'A time of day as HH:MM, 00:00–23:59.' });
  if (w.autoIssue && (w.weekday === null || w.time === null))
    problems.push({ path: 'weeklyReport.autoIssue', message: 'Choose the day and time the report is issued on first.' });
  if (w.recipientIds.length + w.recipientEmails.length > charterLimits.recipients)
    problems.push({ path: 'weeklyReport', message: `At most ${charterLimits.recipients} recipients in all.` });
  w.recipientIds.forEach((id, i) => {
    person(`weeklyReport.recipientIds[${i}]`, id);
  });
  if (new Set(w.recipientIds).size !== w.recipientIds.length)
    problems.push({ path: 'weeklyReport.recipientIds', message: 'Each person once.' });
  w.recipientEmails.forEach((e, i) => {
    if (e.length > charterLimits.emailLength || !emailPattern.test(e))
      problems.push({ path: `weeklyReport.recipientEmails[${i}]`, message: 'Must be an email address.' });
  });
  if (new Set(w.recipientEmails.map((e) => e.toLowerCase())).size !== w.recipientEmails.length)
    problems.push({ path: 'weeklyReport.recipientEmails', message: 'Each address once.' });
  const u = updateRequestRuleOf(c);
  if (u.businessDaysBefore !== null && !isIn(u.businessDaysBefore, charterLimits.requestDaysBefore))
    problems.push({
      path: 'weeklyReport.updateRequests.businessDaysBefore',
      message: `Business days before the report from ${charterLimits.requestDaysBefore.min} (its day) to ${charterLimits.requestDaysBefore.max}.`,
    });
  else if (u.businessDaysBefore !== null && w.weekday === null)
    problems.push({
      path: 'weeklyReport.updateRequests.businessDaysBefore',
      message: 'Choose the weekly report’s day first: update requests go out before it.',
    });
  if (!isIn(u.untouchedDays, charterLimits.untouchedDays))
    problems.push({
      path: 'weeklyReport.updateRequests.untouchedDays',
      message: `Days from ${charterLimits.untouchedDays.min} to ${charterLimits.untouchedDays.max}.`,
    });
  const r = c.leadershipReview;
  if (r.scoreAtLeast !== null && !isIn(r.scoreAtLeast, charterLimits.score))
    problems.push({ path: 'leadershipReview.scoreAtLeast', message: 'A risk score from 1 to 25 (likelihood × impact).' });
  if (r.unresolvedDays !== null && !isIn(r.unresolvedDays, charterLimits.unresolvedDays))
    problems.push({
      path: 'leadershipReview.unresolvedDays',
      message: `Business days from ${charterLimits.unresolvedDays.min} to ${charterLimits.unresolvedDays.max}.`,
    });
  return problems;
}

/** What a charter still lacks before the program may be activated, each named by its field. */
export function charterGaps(c: Charter | null, gateKeys: readonly string[]): FieldProblem[] {
  const k = c ?? emptyCharter;
  const gaps: FieldProblem[] = [];
  if (k.decisionOwnerId === null) gaps.push({ path: 'decisionOwnerId', message: 'Name the one decision owner.' });
  if (k.escalationPath.length === 0) gaps.push({ path: 'escalationPath', message: 'Name at least one level to escalate to.' });
  for (const gate of gateKeys)
    if (isBlank(k.successDefinitions[gate]))
      gaps.push({ path: `successDefinitions.${gate}`, message: `Say what success at ${gate} means.` });
  if (k.weeklyReport.weekday === null) gaps.push({ path: 'weeklyReport.weekday', message: 'Choose the weekly report’s day.' });
  if (k.weeklyReport.time === null) gaps.push({ path: 'weeklyReport.time', message: 'Choose the weekly report’s time.' });
  if (k.weeklyReport.recipientIds.length + k.weeklyReport.recipientEmails.length === 0)
    gaps.push({ path: 'weeklyReport.recipients', message: 'Name who receives the weekly report.' });
  if (k.leadershipReview.scoreAtLeast === null)
    gaps.push({ path: 'leadershipReview.scoreAtLeast', message: 'Say from which risk score leadership reviews it.' });
  if (k.leadershipReview.unresolvedDays === null)
    gaps.push({ path: 'leadershipReview.unresolvedDays', message: 'Say after how many business days unresolved.' });
  return gaps;
}

/** A program is activated only with a complete charter; the refusal names everything still missing. */
export function checkCharterForActivation(c: Charter | null, gateKeys: readonly string[]): Result<true> {
  const gaps = charterGaps(c, gateKeys);
  if (gaps.length === 0) return ok(true);
  return refuse(
    'CHARTER_INCOMPLETE',
    `The kickoff charter is not complete: ${gaps.length} thing(s) missing (${gaps.map((g) => g.path).join(', ')}). Write them before activating.`,
    gaps,
  );
}
