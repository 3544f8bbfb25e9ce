import type {
  ApiTokenRecord,
  ChangeRecord,
  ChecklistItemRecord,
  Client,
  ClientContact,
  EntityName,
  Factory,
  GateRecord,
  InviteRecord,
  OpenRequiredItem,
  SessionRecord,
  StoredCharter,
  Supplier,
  User,
  UserStatus,
} from '../app/ports.js';
import type { Action, ActionSeverity, ActionStatus, EffectivenessResult } from '../domain/action.js';
import type { Baseline } from '../domain/baseline.js';
import type { CalendarSpec } from '../domain/calendar/calendar-spec.js';
import type { Decision, DecisionStatus } from '../domain/decision.js';
import type { Evidence } from '../domain/gates/evidence.js';
import type { EscalationDefaults, GateTemplate, MilestoneTemplate, PpapLevel } from '../domain/gates/template.js';
import type { WorkspaceTemplate } from '../domain/gates/workspace-template.js';
import type { ClientId, FactoryId, MilestoneId, ProgramId, SupplierId, UserId } from '../domain/ids.js';
import type { IntakeContact, IntakeLink, IntakeSubmission } from '../domain/intake.js';
import type { Link, LinkableEntity } from '../domain/link.js';
import type { Milestone, Phase } from '../domain/milestone.js';
import type { MilestoneLink } from '../domain/milestone-link.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { Program, ProgramStatus } from '../domain/program.js';
import type { Risk, RiskCategory, RiskStatus, RiskStrategy } from '../domain/risk.js';
import type { Membership, Role } from '../domain/roles.js';
import type { RequestItem, UpdateRequest } from '../domain/update-requests/update-request.js';
import type {
  ActionsTable,
  ApiTokensTable,
  BaselinesTable,
  ChangesTable,
  ChecklistItemsTable,
  ClientsTable,
  DecisionsTable,
  EvidenceTable,
  FactoriesTable,
  GatesTable,
  IntakeLinksTable,
  IntakeSubmissionsTable,
  InvitesTable,
  LinksTable,
  MembershipsTable,
  MilestoneLinksTable,
  MilestonesTable,
  ProgramChartersTable,
  ProgramsTable,
  RisksTable,
  SessionsTable,
  SuppliersTable,
  UpdateRequestsTable,
  UsersTable,
  WorkspaceTemplatesTable,
} from './schema.js';

export const toUser = (r: UsersTable): User => ({
  id: r.id as UserId,
  email: r.email,
  name: r.name,
  timeZone: r.timeZone,
  locale: r.locale,
  isAdmin: Number(r.isAdmin) === 1,
  status: r.status as UserStatus,
  hasLeadershipMail: Number(r.hasLeadershipMail) === 1,
  version: Number(r.version),
});

export const toMembership = (r: MembershipsTable): Membership => ({
  id: r.id,
  userId: r.userId as UserId,
  clientId: r.clientId as ClientId | null,
  programId: r.programId as ProgramId | null,
  role: r.role as Role,
  version: Number(r.version),
});

export const toSession = (r: SessionsTable): SessionRecord => ({
  id: r.id,
  userId: r.userId as UserId,
  csrfToken: r.csrfToken,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
  lastSeenAt: r.lastSeenAt,
  method: r.method as SessionRecord['method'],
});

export const toApiToken = (r: ApiTokensTable): ApiTokenRecord => ({
  id: r.id,
  userId: r.userId as UserId,
  name: r.name,
  prefix: r.prefix,
  expiresAt: r.expiresAt,
  revokedAt: r.revokedAt,
  lastUsedAt: r.lastUsedAt,
  createdAt: r.createdAt,
  version: Number(r.version),
});

export const toInvite = (r: InvitesTable): InviteRecord => ({
  id: r.id,
  purpose: r.purpose as InviteRecord['purpose'],
  userId: r.userId as UserId | null,
  expiresAt: r.expiresAt,
  usedAt: r.usedAt,
  version: Number(r.version),
});

export const toClient = (r: ClientsTable): Client => ({
  id: r.id as ClientId,
  name: r.name,
  country: r.country,
  timeZone: r.timeZone,
  contacts: JSON.parse(r.contacts) as ClientContact[],
  archivedAt: r.archivedAt,
  version: Number(r.version),
});

export const toSupplier = (r: SuppliersTable): Supplier => ({
  id: r.id as SupplierId,
  name: r.name,
  country: r.country,
  archivedAt: r.archivedAt,
  version: Number(r.version),
});

export const toFactory = (r: FactoriesTable): Factory => ({
  id: r.id as FactoryId,
  supplierId: r.supplierId as SupplierId,
  name: r.name,
  city: r.city,
  country: r.country,
  timeZone: r.timeZone,
  archivedAt: r.archivedAt,
  version: Number(r.version),
});

export const toProgram = (r: ProgramsTable): Program => ({
  id: r.id as ProgramId,
  code: r.code,
  name: r.name,
  clientId: r.clientId as ClientId,
  product: r.product,
  factoryId: r.factoryId as FactoryId | null,
  supplierName: r.supplierName,
  factoryCity: r.factoryCity,
  factoryCountry: r.factoryCountry,
  timeZone: r.timeZone,
  status: r.status as ProgramStatus,
  ownerId: r.ownerId as UserId | null,
  toleranceDays: Number(r.toleranceDays),
  targetReleaseDate: r.targetReleaseDate as PlainDate | null,
  calendarSpec: r.calendarSpec ? (JSON.parse(r.calendarSpec) as CalendarSpec) : null,
  archivedAt: r.archivedAt,
  version: Number(r.version),
  revision: Number(r.revision),
});

export const toMilestone = (r: MilestonesTable): Milestone => ({
  id: r.id as MilestoneId,
  programId: r.programId as ProgramId,
  key: r.key,
  name: r.name,
  phase: r.phase as Phase,
  ownerId: r.ownerId as UserId | null,
  baselineDate: r.baselineDate as PlainDate,
  forecastDate: r.forecastDate as PlainDate,
  actualDate: r.actualDate as PlainDate | null,
  isCritical: Number(r.isCritical) === 1,
  toleranceDays: r.toleranceDays === null || r.toleranceDays === undefined ? null : Number(r.toleranceDays),
  version: Number(r.version),
});

export const toChange = (r: ChangesTable): ChangeRecord => ({
  id: r.id,
  at: r.at,
  actorId: r.actorId as UserId,
  programId: r.programId as ProgramId | null,
  entity: r.entity as EntityName,
  entityId: r.entityId,
  entityKey: r.entityKey,
  field: r.field,
  oldValue: r.oldValue,
  newValue: r.newValue,
  reason: r.reason,
  correlationId: r.correlationId,
});

export const toDecision = (r: DecisionsTable): Decision => ({
  id: r.id,
  programId: r.programId,
  key: r.key,
  statement: r.statement,
  context: r.context,
  options: r.options,
  ownerId: r.ownerId as UserId | null,
  requestedById: r.requestedById as UserId,
  dueDate: r.dueDate as PlainDate | null,
  status: r.status as DecisionStatus,
  outcome: r.outcome,
  rationale: r.rationale,
  expectedImpact: r.expectedImpact,
  decidedAt: r.decidedAt,
  decidedById: r.decidedById as UserId | null,
  supersedesId: r.supersedesId,
  supersededById: r.supersededById,
  version: Number(r.version),
});

export const toRisk = (r: RisksTable): Risk => ({
  id: r.id,
  programId: r.programId,
  key: r.key,
  title: r.title,
  description: r.description,
  ownerId: r.ownerId as UserId | null,
  category: r.category as RiskCategory,
  likelihood: Number(r.likelihood),
  impact: Number(r.impact),
  earlyWarning: r.earlyWarning,
  strategy: r.strategy as RiskStrategy,
  mitigation: r.mitigation,
  residualLikelihood: r.residualLikelihood === null ? null : Number(r.residualLikelihood),
  residualImpact: r.residualImpact === null ? null : Number(r.residualImpact),
  reviewDate: r.reviewDate as PlainDate | null,
  status: r.status as RiskStatus,
  version: Number(r.version),
});

export const toAction = (r: ActionsTable): Action => ({
  id: r.id,
  programId: r.programId,
  key: r.key,
  title: r.title,
  description: r.description,
  ownerId: r.ownerId as UserId | null,
  dueDate: r.dueDate as PlainDate | null,
  originalDueDate: r.originalDueDate as PlainDate | null,
  severity: r.severity as ActionSeverity,
  blocksMilestoneId: r.blocksMilestoneId,
  riskId: r.riskId,
  status: r.status as ActionStatus,
  doneNote: r.doneNote,
  doneAt: r.doneAt,
  doneById: r.doneById as UserId | null,
  confirmedById: r.confirmedById as UserId | null,
  confirmedAt: r.confirmedAt,
  checkDate: r.checkDate as PlainDate | null,
  checkResult: r.checkResult as EffectivenessResult | null,
  version: Number(r.version),
});

export const toLink = (r: LinksTable): Link => ({
  id: r.id,
  programId: r.programId,
  fromEntity: r.fromEntity as LinkableEntity,
  fromId: r.fromId,
  toEntity: r.toEntity as LinkableEntity,
  toId: r.toId,
  version: Number(r.version),
});

export const toMilestoneLink = (r: MilestoneLinksTable): MilestoneLink => ({
  id: r.id,
  programId: r.programId as ProgramId,
  predecessorId: r.predecessorId as MilestoneId,
  successorId: r.successorId as MilestoneId,
  lagDays: Number(r.lagDays),
  version: Number(r.version),
});

export const toBaseline = (r: BaselinesTable): Baseline => ({
  id: r.id,
  programId: r.programId as ProgramId,
  number: Number(r.number),
  name: r.name,
  decisionId: r.decisionId,
  takenAt: r.takenAt,
  takenById: r.takenBy as UserId,
  dates: JSON.parse(r.dates) as Record<string, PlainDate>,
  version: Number(r.version),
});

/** A charter row as the domain holds it: the JSON columns decoded, the report and review rules grouped. */
export const toCharter = (r: ProgramChartersTable): StoredCharter => ({
  charter: {
    decisionOwnerId: r.decisionOwnerId as UserId | null,
    escalationPath: JSON.parse(r.escalationPath) as UserId[],
    successDefinitions: JSON.parse(r.successDefinitions) as Record<string, string>,
    weeklyReport: {
      weekday: r.reportWeekday === null ? null : Number(r.reportWeekday),
      time: r.reportTime,
      recipientIds: JSON.parse(r.reportRecipientIds) as UserId[],
      recipientEmails: JSON.parse(r.reportRecipientEmails) as string[],
      updateRequests: {
        businessDaysBefore: r.requestDaysBefore === null ? null : Number(r.requestDaysBefore),
        untouchedDays: Number(r.requestUntouchedDays),
      },
      autoIssue: Number(r.reportAutoIssue) === 1,
    },
    leadershipReview: {
      scoreAtLeast: r.reviewScoreAtLeast === null ? null : Number(r.reviewScoreAtLeast),
      unresolvedDays: r.reviewUnresolvedDays === null ? null : Number(r.reviewUnresolvedDays),
    },
  },
  version: Number(r.version),
});

/** A gate's last decision; a pass recorded before evidence pieces were kept has none in its snapshot. */
const decodeGateDecision = (json: string): GateRecord['decision'] => {
  const d = JSON.parse(json) as NonNullable<GateRecord['decision']>;
  return d.evidence === null ? d : { ...d, evidence: d.evidence.map((e) => ({ ...e, pieces: e.pieces ?? [] })) };
};

/** A gate row as the domain holds it: lists and the last decision decoded. */
export const toGate = (r: GatesTable): GateRecord => ({
  id: r.id,
  programId: r.programId,
  key: r.key,
  name: r.name,
  closeCriteria: r.closeCriteria,
  ownerId: r.ownerId as UserId | null,
  decidedBy: r.decidedBy as GateRecord['decidedBy'],
  gatekeeperIds: JSON.parse(r.gatekeeperIds) as UserId[],
  reviewMilestoneId: r.reviewMilestoneId,
  warningDays: Number(r.warningDays),
  status: r.status as GateRecord['status'],
  recommendations: JSON.parse(r.recommendations) as GateRecord['recommendations'],
  decision: r.decision === null ? null : decodeGateDecision(r.decision),
  templateId: r.templateId,
  templateVersion: Number(r.templateVersion),
  ppapLevel: r.ppapLevel === null ? null : (Number(r.ppapLevel) as GateRecord['ppapLevel']),
  version: Number(r.version),
});

export const toChecklistItem = (r: ChecklistItemsTable): ChecklistItemRecord => ({
  ...toReadinessItem(r),
  position: Number(r.position),
  description: r.description,
  submittedById: r.submittedById as UserId | null,
  submittedAt: r.submittedAt,
  submissionNote: r.submissionNote,
  reviewedById: r.reviewedById as UserId | null,
  reviewedAt: r.reviewedAt,
  reviewComment: r.reviewComment,
  waiverDecisionId: r.waiverDecisionId,
  ppap: r.ppap === null ? null : (JSON.parse(r.ppap) as ChecklistItemRecord['ppap']),
  version: Number(r.version),
});

/** The columns of an item that readiness reads (ReadinessItem), with its program: not its texts and history. */
export const readinessItemColumns = [
  'checklistItems.id',
  'checklistItems.programId',
  'checklistItems.gateId',
  'checklistItems.key',
  'checklistItems.title',
  'checklistItems.isRequired',
  'checklistItems.ownerId',
  'checklistItems.dueDate',
  'checklistItems.state',
] as const;

export const toReadinessItem = (
  r: Pick<ChecklistItemsTable, 'id' | 'programId' | 'gateId' | 'key' | 'title' | 'isRequired' | 'ownerId' | 'dueDate' | 'state'>,
): OpenRequiredItem => ({
  id: r.id,
  programId: r.programId as ProgramId,
  gateId: r.gateId,
  key: r.key,
  title: r.title,
  isRequired: Boolean(Number(r.isRequired)),
  ownerId: r.ownerId as UserId | null,
  dueDate: r.dueDate as PlainDate | null,
  state: r.state as OpenRequiredItem['state'],
});

export const toEvidence = (r: EvidenceTable): Evidence => ({
  id: r.id,
  programId: r.programId,
  itemId: r.itemId,
  kind: r.kind as Evidence['kind'],
  title: r.title,
  url: r.url,
  note: r.note,
  fileId: r.fileId,
  fileName: r.fileName,
  contentType: r.contentType,
  sizeBytes: r.sizeBytes === null ? null : Number(r.sizeBytes),
  sha256: r.sha256,
  eventId: r.eventId,
  addedById: r.addedById as UserId,
  addedAt: r.createdAt,
  removedAt: r.removedAt,
  version: Number(r.version),
});

export const toIntakeLink = (r: Omit<IntakeLinksTable, 'tokenHash' | 'updatedAt'>): IntakeLink => ({
  id: r.id,
  clientId: r.clientId as ClientId,
  label: r.label,
  createdById: r.createdById as UserId,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
  revokedAt: r.revokedAt,
  version: Number(r.version),
});

/** An intake submission row as the domain holds it: its lists decoded. */
export const toIntakeSubmission = (r: IntakeSubmissionsTable): IntakeSubmission => ({
  id: r.id,
  clientId: r.clientId as ClientId,
  linkId: r.linkId,
  programId: r.programId,
  submittedById: r.submittedById as UserId,
  templateId: r.templateId,
  ppapLevel: r.ppapLevel === null ? null : Number(r.ppapLevel),
  currentPhase: r.currentPhase as Phase,
  knownRisks: JSON.parse(r.knownRisks) as string[],
  contacts: JSON.parse(r.contacts) as IntakeContact[],
  note: r.note,
  createdAt: r.createdAt,
  version: Number(r.version),
});

/** A workspace template row as the domain holds it: its body decoded (validated before it was written). */
export const toWorkspaceTemplate = (r: WorkspaceTemplatesTable): WorkspaceTemplate => ({
  id: r.id,
  name: r.name,
  version: Number(r.version),
  description: r.description,
  ppapLevel: r.ppapLevel === null ? null : (Number(r.ppapLevel) as PpapLevel),
  gates: JSON.parse(r.gates) as GateTemplate[],
  milestones: JSON.parse(r.milestones) as MilestoneTemplate[],
  escalation: JSON.parse(r.escalation) as EscalationDefaults,
  basedOnId: r.basedOnId,
  basedOnVersion: Number(r.basedOnVersion),
  archivedAt: r.archivedAt,
  createdById: r.createdById as UserId,
  updatedById: r.updatedById as UserId,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** An update request row as the domain holds it: its items and confirmations decoded. */
export const toUpdateRequest = (r: UpdateRequestsTable): UpdateRequest => ({
  id: r.id,
  programId: r.programId,
  week: r.week,
  ownerId: r.ownerId as UserId,
  askedAt: r.askedAt,
  items: JSON.parse(r.items) as RequestItem[],
  linkExpiresAt: r.linkExpiresAt,
  revokedAt: r.revokedAt,
  revokedById: r.revokedById as UserId | null,
  confirmedItemIds: JSON.parse(r.confirmedItemIds) as string[],
  version: Number(r.version),
});
