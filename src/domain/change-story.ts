import type { FieldChange } from './change.js';

/** The kinds of record the change log holds (app/ports.ts `EntityName` is this type). */
export type LoggedEntity =
  | 'user'
  | 'client'
  | 'supplier'
  | 'factory'
  | 'program'
  | 'milestone'
  | 'membership'
  | 'api_token'
  | 'invite'
  | 'decision'
  | 'risk'
  | 'action'
  | 'link'
  | 'milestone_link'
  | 'baseline'
  | 'charter'
  | 'gate'
  | 'checklist_item'
  | 'evidence'
  | 'intake_link'
  | 'intake_submission'
  | 'workspace_template'
  | 'floor_event'
  | 'trigger'
  | 'escalation'
  | 'notification_setting'
  | 'report_draft'
  | 'issued_report'
  | 'meeting_outcome'
  | 'update_request';

/** What an entry did to its record: added it, changed some of its fields, or removed it. */
export type EntryKind = 'added' | 'changed' | 'removed';

/** The kinds of record an id-valued field names, so the change log shows a name or key instead. */
export type ReferenceKind = 'person' | 'client' | 'supplier' | 'factory' | 'program' | 'milestone' | 'decision' | 'risk' | 'action';

/** Fields whose values are ids of another record, by the kind of record they name. */
export const referenceFields: Readonly<Record<string, ReferenceKind>> = {
  ownerId: 'person',
  requestedById: 'person',
  decidedById: 'person',
  confirmedById: 'person',
  doneById: 'person',
  userId: 'person',
  takenBy: 'person',
  createdById: 'person',
  updatedById: 'person',
  decisionOwnerId: 'person',
  submittedById: 'person',
  reviewedById: 'person',
  addedById: 'person',
  recordedById: 'person',
  issuedById: 'person',
  revokedById: 'person',
  reviewMilestoneId: 'milestone',
  waiverDecisionId: 'decision',
  clientId: 'client',
  supplierId: 'supplier',
  factoryId: 'factory',
  programId: 'program',
  predecessorId: 'milestone',
  successorId: 'milestone',
  blocksMilestoneId: 'milestone',
  decisionId: 'decision',
  supersedesId: 'decision',
  supersededById: 'decision',
  riskId: 'risk',
  ownerUserId: 'person',
  actionId: 'action',
};

/** A field of a link between two records (fromId, toId) names the kind its sibling field gives. */
export function referenceKindOf(field: string, siblings: readonly FieldChange[], side: 'old' | 'new'): ReferenceKind | null {
  const fixed = referenceFields[field];
  if (fixed) return fixed;
  if (field !== 'fromId' && field !== 'toId') return null;
  const kindField = siblings.find((c) => c.field === (field === 'fromId' ? 'fromEntity' : 'toEntity'));
  const kind = kindField ? (side === 'old' ? kindField.oldValue : kindField.newValue) : null;
  return kind === 'milestone' || kind === 'decision' || kind === 'risk' || kind === 'action' ? kind : null;
}

/**
 * A field every record of its kind holds from its creation to its removal (never empty while it
 * exists): an entry that sets it from nothing added the record, one that clears it removed it.
 */
export const lifeFields: Readonly<Record<LoggedEntity, string>> = {
  user: 'email',
  client: 'name',
  supplier: 'name',
  factory: 'name',
  program: 'code',
  milestone: 'name',
  membership: 'role',
  api_token: 'name',
  invite: 'purpose',
  decision: 'statement',
  risk: 'title',
  action: 'title',
  link: 'fromId',
  milestone_link: 'predecessorId',
  baseline: 'number',
  // A charter is keyed by its program: the row that sets programId added it.
  charter: 'programId',
  gate: 'key',
  checklist_item: 'key',
  evidence: 'title',
  intake_link: 'tokenHash',
  intake_submission: 'templateId',
  workspace_template: 'basedOnId',
  floor_event: 'kind',
  trigger: 'kind',
  escalation: 'conditionKey',
  notification_setting: 'kind',
  report_draft: 'week',
  issued_report: 'week',
  meeting_outcome: 'recordKey',
  update_request: 'week',
};

/** The field that names a record to people (its title), for the kinds that have one. */
export const titleFields: Partial<Readonly<Record<LoggedEntity, string>>> = {
  program: 'name',
  milestone: 'name',
  decision: 'statement',
  risk: 'title',
  action: 'title',
  baseline: 'name',
  gate: 'name',
  checklist_item: 'title',
  evidence: 'title',
  intake_link: 'label',
  workspace_template: 'name',
  floor_event: 'title',
  escalation: 'subjectTitle',
};

/** Whether the entry added, changed or removed its record: told by the field the record always holds. */
export function entryKind(entity: string, fields: readonly FieldChange[]): EntryKind {
  const life = lifeFields[entity as LoggedEntity];
  const c = life === undefined ? undefined : fields.find((f) => f.field === life);
  if (c && c.oldValue === null && c.newValue !== null) return 'added';
  if (c && c.oldValue !== null && c.newValue === null) return 'removed';
  return 'changed';
}

/** Fields a story leaves out: the program a record belongs to (always this one) and its key (named with the record). */
const unspoken = new Set(['programId', 'key']);

/**
 * The fields an entry tells: a change tells every field; an addition the values it was added with
 * (not the title, which names the record), a removal none (the record's name says what went).
 */
export function toldFields<F extends FieldChange>(entity: string, kind: EntryKind, fields: readonly F[]): F[] {
  // A link's key ("D-3 → M-12") says all it holds; a role is named by its person.
  if (kind === 'removed' || (entity === 'link' && kind === 'added')) return [];
  const title = titleFields[entity as LoggedEntity];
  const naming = entity === 'membership' ? 'userId' : title;
  return fields.filter(
    (f) => !unspoken.has(f.field) && !(kind === 'added' && (f.field === naming || f.newValue === null || f.newValue === '')),
  );
}

/** A milestone link as a story tells it: its two ends (keys) and its lag in business days. */
export interface LinkStory {
  readonly kind: 'added' | 'removed';
  readonly from: string;
  readonly to: string;
  readonly lagDays: number;
}

/**
 * "M-33 → M-35 added, lag 5 business days": a dependency added or removed is one line; its ends are
 * the names the entry's predecessor and successor resolve to, else the two halves of its key.
 */
export function linkStory(
  entity: string,
  key: string | null,
  fields: readonly (FieldChange & { readonly oldName?: string | null; readonly newName?: string | null })[],
): LinkStory | null {
  if (entity !== 'milestone_link') return null;
  const kind = entryKind(entity, fields);
  if (kind === 'changed') return null;
  const side = (f: string) => {
    const c = fields.find((x) => x.field === f);
    return kind === 'added' ? (c?.newName ?? c?.newValue) : (c?.oldName ?? c?.oldValue);
  };
  const [keyFrom, keyTo] = (key ?? '').split('→').map((s) => s.trim());
  const lag = Number(side('lagDays') ?? 0);
  return {
    kind,
    from: keyFrom || side('predecessorId') || '?',
    to: keyTo || side('successorId') || '?',
    lagDays: Number.isFinite(lag) ? lag : 0,
  };
}
