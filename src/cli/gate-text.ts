import type { GateDocument, ProgramGatesDocument } from '../contract/gate.js';
import { minuteUtc } from './format.js';
import { facts, table } from './output.js';

// A program's gates and one gate's checklist in words, for `tollgate gate list|show` and the answers of its writes.

type GateSummary = ProgramGatesDocument['gates'][number];
type Readiness = GateSummary['readiness'];
type Person = { readonly id: string; readonly name: string };

const words = (s: string) => s.replaceAll('_', ' ');

/** Names from the document's people; an id nobody there has stays the id. */
export const namer =
  (people: readonly Person[]) =>
  (id: string | null | undefined): string =>
    id ? (people.find((p) => p.id === id)?.name ?? id) : '—';

function readinessText(r: Readiness): string {
  switch (r.level) {
    case 'passed':
    case 'stopped':
      return r.level;
    case 'not_planned':
      return 'no review planned';
    case 'not_yet':
      return r.windowStart ? `watched from ${r.windowStart}` : 'not yet';
    case 'on_track':
      return 'on track';
    case 'at_risk':
      return `at risk: ${r.items.map((i) => `${i.key} (${i.reasons.join(', ')})`).join(', ')}`;
  }
}

const reviewText = (g: GateSummary): string =>
  g.plannedReviewDate === null ? 'not planned' : `${g.plannedReviewDate}${g.reviewMilestone ? ` (${g.reviewMilestone.key})` : ''}`;

const checklistText = (g: GateSummary): string => {
  const c = g.counts;
  const more = [c.submitted ? `${c.submitted} to review` : '', c.rejected ? `${c.rejected} rejected` : ''].filter(Boolean);
  return `${c.satisfied}/${c.required} required done${more.length ? `, ${more.join(', ')}` : ''}`;
};

function phaseText(p: ProgramGatesDocument['phase']): string {
  if (p.kind === 'released') return 'released: every gate passed';
  if (p.kind === 'none') return 'no gates';
  return `${p.gateKey} (${words(p.status)})`;
}

/** `gate list`: one row per gate, the current phase first. */
export function gatesText(d: ProgramGatesDocument): string {
  const name = namer(d.people);
  const rows = d.gates.map((g) => [
    g.key,
    g.name,
    words(g.status),
    reviewText(g),
    name(g.ownerId),
    checklistText(g),
    readinessText(g.readiness),
    g.decisionKey,
  ]);
  return `${d.programCode}: current phase ${phaseText(d.phase)}\n${table(
    ['Gate', 'Name', 'Status', 'Review', 'Owner', 'Checklist', 'Readiness', 'Decision'],
    rows,
    { maxWidths: [undefined, 28, undefined, undefined, 20, 30, 40], dropOrder: [7, 4] },
  )}\n\`tollgate gate show ${d.programCode} G1\` shows a gate's checklist.`;
}

type Item = GateDocument['items'][number];

/** Long texts (notes, comments) cut in the table; `gate show --json` has them whole. */
const clip = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

function itemReview(i: Item, name: (id: string | null) => string): string | null {
  if (i.state === 'waived') return `waived by ${name(i.reviewedById)} with ${i.waiverDecisionKey ?? 'a decision'}`;
  if (i.state === 'submitted') return `submitted by ${name(i.submittedById)}\n${i.submittedAt ? minuteUtc(i.submittedAt) : ''}`.trim();
  if ((i.state === 'accepted' || i.state === 'rejected') && i.reviewedAt)
    return `${i.state} by ${name(i.reviewedById)}\n${minuteUtc(i.reviewedAt)}${i.reviewComment ? `\n“${clip(i.reviewComment)}”` : ''}`;
  return null;
}

function evidenceText(i: Item): string | null {
  const attached = i.evidence.filter((e) => e.removedAt === null).map((e) => `${e.kind}: ${clip(e.fileName ?? e.url ?? e.title)}`);
  return [...attached, ...(i.submissionNote ? [`note: ${clip(i.submissionNote)}`] : [])].join('\n') || null;
}

/** `gate show` and the answer of every gate write: the gate's facts, its decision, then its checklist. */
export function gateText(g: GateDocument): string {
  const name = namer(g.people);
  const rows: [string, string][] = [
    ['status', words(g.status)],
    ['owner', name(g.ownerId)],
    ['decided by', g.decidedBy === 'gate_owner' ? 'the gate owner' : 'the decision owner'],
    ['gatekeepers', g.gatekeeperIds.map(name).join(', ') || '—'],
    ['review', reviewText(g)],
    ['readiness', readinessText(g.readiness)],
    ['warning', `${g.warningDays} business days before the review`],
    ['checklist', checklistText(g)],
    ['close criteria', g.closeCriteria],
  ];
  for (const r of g.recommendations)
    rows.push(['recommends', `${name(r.gatekeeperId)}: ${words(r.recommendation)}${r.comment ? ` – ${r.comment}` : ''}`]);
  const d = g.decision;
  if (d) {
    rows.push(['decision', `${words(d.outcome)} (${g.decisionKey ?? d.decisionId}) by ${name(d.decidedById)} ${minuteUtc(d.decidedAt)}`]);
    for (const c of d.conditions) rows.push(['condition', `${c.actionKey ?? '—'} ${c.text} – ${name(c.ownerId)}, due ${c.dueDate}`]);
    for (const r of d.reasons) rows.push(['recycled', `${r.itemKey ? `${r.itemKey}: ` : ''}${r.text}`]);
  }
  rows.push(['version', String(g.version)]);
  const items = table(
    ['Item', 'Title', 'Req', 'Owner', 'Due', 'State', 'Evidence', 'Review', 'Ver'],
    g.items.map((i) => [
      i.key,
      i.title,
      i.isRequired ? 'yes' : 'no',
      name(i.ownerId),
      i.dueDate,
      i.state,
      evidenceText(i),
      itemReview(i, name),
      i.version,
    ]),
    { maxWidths: [undefined, 30, undefined, 18, undefined, undefined, 36, 30], dropOrder: [8, 6, 2] },
  );
  return `${g.programCode} ${g.key} ${g.name}\n${facts(rows)}\n${items}`;
}

/** A write's answer: what became of the item (or what was done to it), then the gate as it now is. */
export function itemStepText(g: GateDocument, itemKey: string, did?: string): string {
  const item = g.items.find((i) => i.key === itemKey);
  const what = did ?? `is now ${item?.state ?? 'changed'}`;
  return `${itemKey} ${what}. ${g.key} is ${words(g.status)}, ${checklistText(g)}.\n\n${gateText(g)}`;
}
