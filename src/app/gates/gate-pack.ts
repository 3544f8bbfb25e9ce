import type { GatePackEvidence, GatePackItem, GatePackView } from '../../domain/gates/gate-pack.js';
import { isTimeZone } from '../../domain/plain-date.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { type ChecklistItemView, type GateDetailView, gateDetailView, readGateFacts } from './gate-view.js';

export interface GatePackInput {
  readonly programId: string;
  readonly gateKey: string;
  readonly actor: Actor;
  /** The zone the pack writes its instants in (IANA); the reader's own account zone when absent. */
  readonly timeZone?: string | undefined;
}

const NOBODY = 'no owner';

/** An item's evidence still attached, then the owner's submission note, as the pack lists them. */
function evidenceOf(item: ChecklistItemView): GatePackEvidence[] {
  const attached = item.evidence
    .filter((e) => e.removedAt === null)
    .map((e): GatePackEvidence => {
      if (e.kind === 'file') return { kind: 'file', text: e.fileName ?? e.title };
      if (e.kind === 'event') return { kind: 'event', text: e.event ? `${e.event.summary} (${e.event.title})` : e.title };
      if (e.kind === 'link')
        return { kind: 'link', text: e.title && e.title !== e.url ? `${e.title}: ${e.url ?? ''}` : (e.url ?? e.title) };
      return { kind: 'note', text: e.note ?? e.title };
    });
  return item.submissionNote ? [...attached, { kind: 'note', text: item.submissionNote }] : attached;
}

/** A gate's checklist as the pack prints it: names resolved, the standing review of accepted or rejected evidence. */
export function gatePackView(detail: GateDetailView, programName: string, generatedAt: string, timeZone: string): GatePackView {
  const names = new Map(detail.people.map((p) => [p.id, p.name]));
  const nameOf = (id: string | null) => (id === null ? NOBODY : (names.get(id) ?? id));
  const items = detail.items.map(
    (i): GatePackItem => ({
      key: i.key,
      title: i.title,
      isRequired: i.isRequired,
      ownerName: nameOf(i.ownerId),
      dueDate: i.dueDate,
      state: i.state,
      evidence: evidenceOf(i),
      review:
        (i.state === 'accepted' || i.state === 'rejected') && i.reviewedById !== null && i.reviewedAt !== null
          ? { verdict: i.state, byName: nameOf(i.reviewedById), at: i.reviewedAt, comment: i.reviewComment }
          : null,
      waiverDecisionKey: i.state === 'waived' ? i.waiverDecisionKey : null,
    }),
  );
  return {
    program: { code: detail.programCode, name: programName },
    gate: {
      key: detail.key,
      name: detail.name,
      ownerName: nameOf(detail.ownerId),
      plannedReviewDate: detail.plannedReviewDate,
      status: detail.status,
      closeCriteria: detail.closeCriteria,
    },
    items,
    generatedAt,
    timeZone,
  };
}

/**
 * The checklist pack of one gate, for everyone who may read the program: what must be true before
 * progression, each item with its evidence, state and who accepted or rejected it when, its instants
 * in the reader's zone (their account's, unless they name another).
 */
export async function getGatePack(deps: AppDeps, input: GatePackInput): Promise<Result<GatePackView>> {
  const reads = deps.store.reads;
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone))
    return refuse('VALIDATION_FAILED', `Unknown time zone "${input.timeZone}".`, [
      { path: 'timeZone', message: 'Not an IANA time zone, e.g. Asia/Shanghai.' },
    ]);
  const found = await findAccessibleProgram(reads, input.actor, input.programId);
  if (!found.ok) return found;
  const { program } = found.value;
  const facts = await readGateFacts(reads, program, true);
  const ref = input.gateKey.trim();
  const gate = facts.gates.find((g) => g.id === ref) ?? facts.gates.find((g) => g.key.toLowerCase() === ref.toLowerCase());
  if (!gate) return refuse('GATE_NOT_FOUND', `${program.code} has no gate "${input.gateKey}".`);
  const now = deps.clock.now();
  const reader = input.timeZone ?? (await reads.findUser(input.actor.id))?.timeZone ?? program.timeZone;
  const timeZone = isTimeZone(reader) ? reader : program.timeZone;
  return ok(gatePackView(gateDetailView(program, facts, gate, now), program.name, now.toISOString(), timeZone));
}
