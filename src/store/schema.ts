/** Row shapes as Kysely sees them (camelCase via CamelCasePlugin). They never leave store/. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  /** 0 or 1. */
  isAdmin: number;
  status: string;
  timeZone: string;
  locale: string;
  /** 0 or 1: the leadership view by e-mail each Monday (0027). */
  hasLeadershipMail: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ClientsTable {
  id: string;
  name: string;
  country: string;
  /** 0010. */
  timeZone: string;
  /** JSON array of ClientContact (0010). */
  contacts: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface SuppliersTable {
  id: string;
  name: string;
  country: string;
  /** 0013. */
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface FactoriesTable {
  id: string;
  supplierId: string;
  name: string;
  city: string;
  country: string;
  timeZone: string;
  /** 0013. */
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ProgramsTable {
  id: string;
  code: string;
  name: string;
  clientId: string;
  /** 0010. */
  product: string;
  factoryId: string | null;
  archivedAt: string | null;
  supplierName: string;
  factoryCity: string;
  factoryCountry: string;
  timeZone: string;
  status: string;
  ownerId: string | null;
  toleranceDays: number;
  targetReleaseDate: string | null;
  /** JSON of a CalendarSpec; null for the default calendar. */
  calendarSpec: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Committed write transactions that touched the program or anything in it (0007). */
  revision: number;
  /** 0022: 1 when critical defects accept none (Ac 0, Re 1) whatever the sampling plan; 0 to judge them on the plan. */
  criticalDefectsAcceptNone: number;
}

export interface MilestonesTable {
  id: string;
  programId: string;
  key: string;
  name: string;
  phase: string;
  ownerId: string | null;
  baselineDate: string;
  forecastDate: string;
  actualDate: string | null;
  /** 0 or 1 in both dialects. */
  isCritical: number;
  toleranceDays: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface KeyCountersTable {
  programId: string;
  prefix: string;
  lastValue: number;
}

export interface ChangesTable {
  id: string;
  programId: string | null;
  entity: string;
  entityId: string;
  entityKey: string | null;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  actorId: string;
  at: string;
  reason: string | null;
  correlationId: string;
}

export interface MembershipsTable {
  id: string;
  userId: string;
  clientId: string | null;
  programId: string | null;
  role: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface SessionsTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  method: string;
}

export interface ApiTokensTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface InvitesTable {
  id: string;
  tokenHash: string;
  purpose: string;
  userId: string | null;
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  windowStartedAt: string;
}

export interface OidcStatesTable {
  state: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  expiresAt: string;
}

export interface DecisionsTable {
  id: string;
  programId: string;
  key: string;
  statement: string;
  context: string;
  options: string;
  ownerId: string | null;
  requestedById: string;
  dueDate: string | null;
  status: string;
  outcome: string | null;
  rationale: string | null;
  expectedImpact: string | null;
  decidedAt: string | null;
  decidedById: string | null;
  supersedesId: string | null;
  supersededById: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RisksTable {
  id: string;
  programId: string;
  key: string;
  title: string;
  description: string;
  ownerId: string | null;
  category: string;
  likelihood: number;
  impact: number;
  earlyWarning: string;
  strategy: string;
  mitigation: string;
  residualLikelihood: number | null;
  residualImpact: number | null;
  reviewDate: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ActionsTable {
  id: string;
  programId: string;
  key: string;
  title: string;
  description: string;
  ownerId: string | null;
  dueDate: string | null;
  originalDueDate: string | null;
  severity: string;
  blocksMilestoneId: string | null;
  riskId: string | null;
  status: string;
  doneNote: string | null;
  doneAt: string | null;
  doneById: string | null;
  confirmedById: string | null;
  confirmedAt: string | null;
  checkDate: string | null;
  checkResult: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface LinksTable {
  id: string;
  programId: string;
  fromEntity: string;
  fromId: string;
  toEntity: string;
  toId: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface MilestoneLinksTable {
  id: string;
  programId: string;
  predecessorId: string;
  successorId: string;
  lagDays: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface BaselinesTable {
  id: string;
  programId: string;
  number: number;
  name: string;
  decisionId: string | null;
  takenAt: string;
  takenBy: string;
  /** JSON {milestoneId: 'YYYY-MM-DD'}. */
  dates: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The kickoff charter of a program (0014): keyed by its program; lists and per-gate texts as JSON text. */
export interface ProgramChartersTable {
  programId: string;
  decisionOwnerId: string | null;
  /** JSON array of user ids, first level first. */
  escalationPath: string;
  /** JSON {gateKey: text}. */
  successDefinitions: string;
  /** ISO weekday 1–7. */
  reportWeekday: number | null;
  /** HH:MM. */
  reportTime: string | null;
  /** JSON array of user ids. */
  reportRecipientIds: string;
  /** JSON array of addresses. */
  reportRecipientEmails: string;
  reviewScoreAtLeast: number | null;
  reviewUnresolvedDays: number | null;
  /** 0028: business days before the report's day that update requests go out; null: off. */
  requestDaysBefore: number | null;
  /** 0028: an item not updated for this many days is asked about. */
  requestUntouchedDays: number;
  /** 0 or 1: Tollgate issues the week's report at the day and time (0027). */
  reportAutoIssue: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A program's phase gate (0015), made from a template; recommendations and the last decision as JSON text. */
export interface GatesTable {
  id: string;
  programId: string;
  key: string;
  name: string;
  closeCriteria: string;
  ownerId: string | null;
  decidedBy: string;
  /** JSON array of user ids. */
  gatekeeperIds: string;
  reviewMilestoneId: string | null;
  warningDays: number;
  status: string;
  /** JSON array of recommendations of this review round. */
  recommendations: string;
  /** JSON of the last GateDecision, or null. */
  decision: string | null;
  templateId: string;
  templateVersion: number;
  ppapLevel: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One checklist item of a gate (0015). */
export interface ChecklistItemsTable {
  id: string;
  programId: string;
  gateId: string;
  key: string;
  position: number;
  title: string;
  description: string;
  isRequired: number;
  ownerId: string | null;
  dueDate: string | null;
  state: string;
  submittedById: string | null;
  submittedAt: string | null;
  submissionNote: string | null;
  reviewedById: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  waiverDecisionId: string | null;
  /** JSON of the PPAP element the item stands for, or null. */
  ppap: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A file's bytes, kept under their SHA-256 (0015); written once, never changed, outside the change log (its evidence record is in it). */
export interface EvidenceFilesTable {
  id: string;
  sha256: string;
  sizeBytes: number;
  content: Uint8Array;
  createdAt: string;
}

/** Evidence attached to a checklist item (0015): a file, a link or a note. */
export interface EvidenceTable {
  id: string;
  programId: string;
  itemId: string;
  kind: string;
  title: string;
  url: string | null;
  note: string | null;
  fileId: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  /** 0022: the inspection or measurement a piece of evidence of kind `event` names. */
  eventId: string | null;
  addedById: string;
  removedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A floor event (0022): shipment dates as columns, an inspection's or measurement's details as JSON. */
export interface FloorEventsTable {
  id: string;
  programId: string;
  key: string;
  kind: string;
  title: string;
  occurredOn: string;
  recordedById: string;
  expectedOn: string | null;
  shippedOn: string | null;
  arrivedOn: string | null;
  /** JSON of InspectionDetails or MeasurementDetails; null for shipments. */
  details: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A client's intake link (0017): only the SHA-256 of its secret is kept. */
export interface IntakeLinksTable {
  id: string;
  clientId: string;
  tokenHash: string;
  label: string;
  createdById: string;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What an intake submission told beyond its draft program's own fields (0017); lists as JSON text. */
export interface IntakeSubmissionsTable {
  id: string;
  clientId: string;
  linkId: string | null;
  programId: string;
  submittedById: string;
  templateId: string;
  ppapLevel: number | null;
  currentPhase: string;
  /** JSON array of texts. */
  knownRisks: string;
  /** JSON array of {name, role, email, phone}. */
  contacts: string;
  note: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A workspace's own program template (0019): gates, milestones and escalation defaults as JSON text. */
export interface WorkspaceTemplatesTable {
  id: string;
  name: string;
  description: string;
  basedOnId: string;
  basedOnVersion: number;
  ppapLevel: number | null;
  /** JSON array of gate templates with their checklists. */
  gates: string;
  /** JSON array of standard milestones. */
  milestones: string;
  /** JSON object of escalation defaults. */
  escalation: string;
  archivedAt: string | null;
  createdById: string;
  updatedById: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One person's notice of a change that concerns them (0018); facts as JSON text. */
export interface NotificationsTable {
  id: string;
  recipientId: string;
  programId: string | null;
  kind: string;
  facts: string;
  link: string;
  actorId: string | null;
  dedupeKey: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Whether a subject (a gate at risk) is in a spell, and which (0018): notices sent once per spell. */
export interface NoticeSpellsTable {
  subject: string;
  spell: number;
  isOpen: number;
  updatedAt: string;
}

/** An e-mail to send (0021): queued in the causing change's transaction, claimed by a worker with a lease, sent once. */
export interface OutboxTable {
  id: string;
  recipientId: string | null;
  recipientAddress: string;
  kind: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  unsubscribeUrl: string | null;
  dedupeKey: string;
  createdAt: string;
  notBefore: string;
  attempts: number;
  lastError: string | null;
  claimedBy: string | null;
  claimedUntil: string | null;
  sentAt: string | null;
  failedAt: string | null;
  /** One file sent with the message (0025), or nulls. */
  attachmentName: string | null;
  attachmentType: string | null;
  attachmentContent: Uint8Array | null;
}

/** A person's choice for a kind of notice (0021): immediate, digest or off; no row reads as immediate. */
export interface NotificationSettingsTable {
  id: string;
  userId: string;
  kind: string;
  mode: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A program's setting of one escalation trigger kind (0023); kinds without a row read as the defaults. */
export interface TriggersTable {
  id: string;
  programId: string;
  kind: string;
  isEnabled: number;
  threshold: number | null;
  severity: string;
  /** The action owner: a person, or (when null) whoever holds ownerRole on the program. */
  ownerUserId: string | null;
  ownerRole: string | null;
  windowUnit: string;
  windowAmount: number;
  climbs: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Secrets the instances share (0021): the key that signs e-mails' one-click links. */
export interface WorkspaceSecretsTable {
  name: string;
  value: string;
  createdAt: string;
}

/** One escalation (0023): at most one open (status not resolved) per program and condition key. */
export interface EscalationsTable {
  id: string;
  programId: string;
  key: string;
  triggerKind: string;
  conditionKey: string;
  subjectKind: string;
  subjectRef: string;
  subjectTitle: string;
  subjectLink: string;
  severity: string;
  ownerId: string;
  level: number;
  raisedAt: string;
  deadlineAt: string;
  status: string;
  outcome: string | null;
  decisionId: string | null;
  actionId: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The cadence owner's narrative of a program's weekly report draft (0024), one per program and ISO week. */
export interface ReportDraftsTable {
  id: string;
  programId: string;
  week: string;
  narrative: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** An issued weekly report (0024): an immutable snapshot, numbered per program and week; JSON kept as text. */
export interface IssuedReportsTable {
  id: string;
  programId: string;
  week: string;
  revision: number;
  issuedAt: string;
  issuedById: string;
  model: string;
  input: string;
  findings: string;
  findingsAcknowledged: number;
  changesFromPrevious: string | null;
  /** 0 or 1: issued by the charter's schedule (0027). */
  isAutomatic: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** An outcome of a week's cadence meeting (0026): a decision taken or an action opened, as recorded. */
export interface MeetingOutcomesTable {
  id: string;
  programId: string;
  week: string;
  kind: string;
  recordId: string;
  recordKey: string;
  title: string;
  outcome: string | null;
  rationale: string | null;
  ownerId: string | null;
  dueDate: string | null;
  recordedAt: string;
  recordedById: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** An update request (0028): one per program, report week and owner; its items as JSON text. */
export interface UpdateRequestsTable {
  id: string;
  programId: string;
  week: string;
  ownerId: string;
  askedAt: string;
  /** JSON array of RequestItem. */
  items: string;
  linkExpiresAt: string | null;
  revokedAt: string | null;
  revokedById: string | null;
  /** JSON array of item ids. */
  confirmedItemIds: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One row (id 1): committed write transactions that touched records of no program (0008). */
export interface WorkspaceStateTable {
  id: number;
  revision: number;
}

export interface Database {
  users: UsersTable;
  clients: ClientsTable;
  suppliers: SuppliersTable;
  factories: FactoriesTable;
  programs: ProgramsTable;
  milestones: MilestonesTable;
  keyCounters: KeyCountersTable;
  changes: ChangesTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  invites: InvitesTable;
  authThrottle: AuthThrottleTable;
  oidcStates: OidcStatesTable;
  decisions: DecisionsTable;
  risks: RisksTable;
  actions: ActionsTable;
  links: LinksTable;
  milestoneLinks: MilestoneLinksTable;
  baselines: BaselinesTable;
  programCharters: ProgramChartersTable;
  gates: GatesTable;
  checklistItems: ChecklistItemsTable;
  evidenceFiles: EvidenceFilesTable;
  evidence: EvidenceTable;
  floorEvents: FloorEventsTable;
  intakeLinks: IntakeLinksTable;
  intakeSubmissions: IntakeSubmissionsTable;
  workspaceTemplates: WorkspaceTemplatesTable;
  notifications: NotificationsTable;
  noticeSpells: NoticeSpellsTable;
  outbox: OutboxTable;
  notificationSettings: NotificationSettingsTable;
  workspaceSecrets: WorkspaceSecretsTable;
  escalationTriggers: TriggersTable;
  escalations: EscalationsTable;
  reportDrafts: ReportDraftsTable;
  issuedReports: IssuedReportsTable;
  meetingOutcomes: MeetingOutcomesTable;
  updateRequests: UpdateRequestsTable;
  workspaceState: WorkspaceStateTable;
}
