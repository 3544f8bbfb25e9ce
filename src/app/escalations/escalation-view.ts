import { type Escalation, isOverdue } from '../../domain/escalations/escalation.js';
import type { Reads } from '../ports.js';

/** An escalation as people read it: with its program's code, its owner's name, the linked records' keys, and whether it is overdue now. */
export interface EscalationView {
  readonly escalation: Escalation;
  readonly programCode: string;
  readonly ownerName: string;
  readonly ownerEmail: string;
  readonly isOverdue: boolean;
  readonly decisionKey: string | null;
  readonly actionKey: string | null;
}

/** Views of escalations in a constant number of reads: names and linked keys in one batch each. */
export async function escalationViews(
  reads: Reads,
  list: readonly Escalation[],
  codeOf: ReadonlyMap<string, string>,
  now: Date,
): Promise<EscalationView[]> {
  if (list.length === 0) return [];
  const refs = [
    ...list.flatMap((e) => (e.decisionId ? [{ entity: 'decision' as const, id: e.decisionId }] : [])),
    ...list.flatMap((e) => (e.actionId ? [{ entity: 'action' as const, id: e.actionId }] : [])),
  ];
  const [users, named] = await Promise.all([
    reads.findUsers([...new Set(list.map((e) => e.ownerId))]),
    refs.length === 0 ? Promise.resolve([]) : reads.nameRecords(refs),
  ]);
  const name = new Map(users.map((u) => [u.id as string, u.name]));
  const email = new Map(users.map((u) => [u.id as string, u.email]));
  const key = new Map(named.map((n) => [`${n.entity}:${n.id}`, n.key]));
  return list.map((e) => ({
    escalation: e,
    programCode: codeOf.get(e.programId) ?? '',
    ownerName: name.get(e.ownerId) ?? e.ownerId,
    ownerEmail: email.get(e.ownerId) ?? '',
    isOverdue: isOverdue(e, now),
    decisionKey: e.decisionId ? (key.get(`decision:${e.decisionId}`) ?? null) : null,
    actionKey: e.actionId ? (key.get(`action:${e.actionId}`) ?? null) : null,
  }));
}
