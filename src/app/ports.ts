import type { Action, ActionStatus } from '../domain/action.js';
import type { Baseline } from '../domain/baseline.js';
import type { FieldChange } from '../domain/change.js';
import type { LoggedEntity } from '../domain/change-story.js';
import type { Charter } from '../domain/charter.js';
import type { Decision, DecisionStatus } from '../domain/decision.js';
import type { Escalation, EscalationStatus } from '../domain/escalations/escalation.js';
import type { Severity, TriggerKind } from '../domain/escalations/triggers.js';
import type { FloorEvent, FloorEventColumns, FloorEventKind } from '../domain/floor/floor-event.js';
import type { ChecklistItem, ReadinessItem } from '../domain/gates/checklist-item.js';
import type { Evidence } from '../domain/gates/evidence.js';
import type { Gate } from '../domain/gates/gate.js';
import type { GateOrigin } from '../domain/gates/instantiate.js';
import type { PpapElementRef } from '../domain/gates/template.js';
import type { WorkspaceTemplate } from '../domain/gates/workspace-template.js';
import type { ClientId, FactoryId, MilestoneId, ProgramId, SupplierId, UserId } from '../domain/ids.js';
import type { IntakeLink, IntakeSubmission } from '../domain/intake.js';
import type { Link, LinkableEntity } from '../domain/link.js';
import type { Milestone } from '../domain/milestone.js';
import type { MilestoneLink } from '../domain/milestone-link.js';
import type { WeekChecklistItem } from '../domain/my-week.js';
import type { NotificationMode } from '../domain/notification-settings.js';
import type { NoticeBody, NoticeKind } from '../domain/notifications.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { AuthorizedProgramId } from '../domain/policy.js';
import type { Program } from '../domain/program.js';
import type { Risk } from '../domain/risk.js';
import type { Membership, Role } from '../domain/roles.js';
import type { UpdateRequest } from '../domain/update-requests/update-request.js';

/** The only source of "now" for use cases; tests and the demo loader pass their own. */
export interface Clock {
  now(): Date;
}

/** Memory-hard password hashing (argon2id); a port so that app/ holds no native dependency. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface Client {
  readonly id: ClientId;
  readonly name: string;
  /** ISO 3166-1 alpha-2 */
  readonly country: string;
  /** Where the client's people are (IANA), e.g. for meeting times; programs keep their factory's zone. */
  readonly timeZone: string;
  readonly contacts: readonly ClientContact[];
  /** When it was archived (its programs stay readable); null while in use. */
  readonly archivedAt: string | null;
  readonly version: number;
}

/** Someone at the client to reach: name, and an e-mail address and/or phone number. */
export interface ClientContact {
  readonly name: string;
  readonly role: string;
  readonly email: string;
  readonly phone: string;
}

/** A contract manufacturer that makes products for clients' programs, at one or more factories. */
export interface Supplier {
  readonly id: SupplierId;
  readonly name: string;
  /** ISO 3166-1 alpha-2 of its head office. */
  readonly country: string;
  /** When it was archived (no longer offered for new programs; its programs keep its name); null while in use. */
  readonly archivedAt: string | null;
  readonly version: number;
}

/** One factory of a supplier: its location sets a new program's default time zone and business calendar. */
export interface Factory {
  readonly id: FactoryId;
  readonly supplierId: SupplierId;
  readonly name: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2: its public holidays make the default calendar. */
  readonly country: string;
  readonly timeZone: string;
  /** When it was archived (no longer offered for new programs); null while in use. */
  readonly archivedAt: string | null;
  readonly version: number;
}

/** A program's kickoff charter as the store keeps it: one row per program, keyed by the program. */
export interface CharterRecord {
  readonly programId: ProgramId;
  readonly decisionOwnerId: UserId | null;
  readonly escalationPath: readonly UserId[];
  readonly successDefinitions: Readonly<Record<string, string>>;
  readonly reportWeekday: number | null;
  readonly reportTime: string | null;
  readonly reportRecipientIds: readonly UserId[];
  readonly reportRecipientEmails: readonly string[];
  readonly reviewScoreAtLeast: number | null;
  readonly reviewUnresolvedDays: number | null;
  readonly requestDaysBefore: number | null;
  readonly requestUntouchedDays: number;
  readonly reportAutoIssue: boolean;
  readonly version: number;
}

/** A program's setting of one trigger kind as the store keeps it (domain/escalations/triggers.ts TriggerSetting, flat). */
export interface TriggerRecord {
  readonly id: string;
  readonly programId: ProgramId;
  readonly kind: TriggerKind;
  readonly isEnabled: boolean;
  readonly threshold: number | null;
  readonly severity: Severity;
  /** The action owner: this person, or (null) whoever holds ownerRole on the program. */
  readonly ownerUserId: UserId | null;
  readonly ownerRole: Role | null;
  readonly windowUnit: 'business_hours' | 'business_days';
  readonly windowAmount: number;
  readonly climbs: boolean;
  readonly version: number;
}

/** Which escalations a page lists: of these programs, optionally by status, owner, or overdue at an instant; newest raised first. */
export interface EscalationQuery {
  readonly programIds: readonly AuthorizedProgramId[];
  readonly statuses?: readonly EscalationStatus[] | undefined;
  readonly ownerId?: UserId | undefined;
  /** Only those overdue at this instant: expired, or open/escalated past their deadline. */
  readonly overdueAt?: string | undefined;
  /** Only those raised before this place, newest first (keyset on raisedAt, id). */
  readonly after?: { readonly raisedAt: string; readonly id: string } | undefined;
  readonly limit: number;
}

/** Per program: open escalations (not resolved) and how many of them are overdue. */
export interface EscalationCounts {
  readonly open: number;
  readonly overdue: number;
  /** The earliest deadline still to come of those waiting for their owner (when the overdue count next grows), or null. */
  readonly nextDeadlineAt: string | null;
}

/** A program's gate as the store keeps it: the domain's gate and the template it was made from. */
export type GateRecord = Gate & GateOrigin;

/** A checklist item as the store keeps it: the domain's item, its program and the PPAP element it stands for. */
export type ChecklistItemRecord = ChecklistItem & { readonly programId: ProgramId; readonly ppap: PpapElementRef | null };
/** An open action's title and due date, with its program: what the escalation sweep reads of those due. */
export type ActionDue = Pick<Action, 'id' | 'programId' | 'key' | 'title' | 'status' | 'dueDate'>;
/** A milestone's name and dates, with its program: what the escalation sweep reads of the open ones. */
export type MilestoneDates = Pick<Milestone, 'id' | 'programId' | 'key' | 'name' | 'baselineDate' | 'forecastDate' | 'actualDate'>;
/** An open required item as readiness reads it (domain/gates/checklist-item.ts ReadinessItem), with its program. */
export type OpenRequiredItem = ReadinessItem & { readonly programId: ProgramId };

/** A stored file's bytes as read back, with whether they still hash to what was stored. */
export interface EvidenceFileContent {
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly content: Uint8Array;
  /** False when the bytes no longer match their SHA-256 (a corrupt file: reported, never served). */
  readonly isIntact: boolean;
}

/**
 * Where evidence files are kept, by content hash. The default adapter (store/evidence-storage.ts) keeps
 * them in the database, in the write's transaction, so one backup holds them and several instances need
 * nothing else.
 */
export interface EvidenceStorage {
  /** Keeps the bytes (inside the transaction when the adapter can) and answers the file's id, hash and size. */
  put(tx: Tx, content: Uint8Array, at: string): Promise<{ readonly fileId: string; readonly sha256: string; readonly sizeBytes: number }>;
  /** The file's bytes, checked against their hash; null when unknown. */
  get(reads: Reads, fileId: string): Promise<EvidenceFileContent | null>;
}

/** The charter a program holds and the version it was saved at. */
export interface StoredCharter {
  readonly charter: Charter;
  readonly version: number;
}

export interface User {
  readonly id: UserId;
  readonly email: string;
  readonly name: string;
  readonly timeZone: string;
  readonly locale: string;
  readonly isAdmin: boolean;
  readonly status: UserStatus;
  /** Receives the leadership view by e-mail every Monday morning in their zone (app/reports/mail-leadership-view.ts). */
  readonly hasLeadershipMail: boolean;
  readonly version: number;
}

export type UserStatus = 'invited' | 'active' | 'removed';

export interface SessionRecord {
  readonly id: string;
  readonly userId: UserId;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastSeenAt: string;
  readonly method: 'password' | 'oidc' | 'invite';
}

export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: UserId;
  readonly name: string;
  readonly prefix: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
  readonly createdAt: string;
  readonly version: number;
}

export interface InviteRecord {
  readonly id: string;
  readonly purpose: 'invite' | 'setup';
  readonly userId: UserId | null;
  readonly expiresAt: string;
  readonly usedAt: string | null;
  readonly version: number;
}

export interface OidcState {
  readonly state: string;
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly returnTo: string;
  readonly expiresAt: string;
}

export interface ChangeRecord extends FieldChange {
  readonly id: string;
  readonly at: string;
  readonly actorId: UserId;
  readonly programId: ProgramId | null;
  readonly entity: EntityName;
  readonly entityId: string;
  readonly entityKey: string | null;
  readonly reason: string | null;
  readonly correlationId: string;
}

/** The kinds of record the one write path writes and the change log holds (domain/change-story.ts). */
export type EntityName = LoggedEntity;

export interface ChangeQuery {
  /** Inclusive lower bound, an ISO instant. */
  readonly since?: string | undefined;
  /** Exclusive upper bound, an ISO instant. */
  readonly until?: string | undefined;
  readonly limit: number;
  /** Only changes of this kind of record (and of this record, when entityId is given). */
  readonly entity?: EntityName | undefined;
  readonly entityId?: string | undefined;
  /** Only changes of these records (of `entity`). */
  readonly entityIds?: readonly string[] | undefined;
  /** Only changes of these fields. */
  readonly fields?: readonly string[] | undefined;
  /** Oldest first (for histories); newest first by default. */
  readonly ascending?: boolean | undefined;
  /** Only changes after this one in the order asked for (keyset paging on instant, then id). */
  readonly after?: { readonly at: string; readonly id: string } | undefined;
  /** Only changes of a value to another (old and new both set): a move of a date, not the record's creation. */
  readonly valueChangesOnly?: boolean | undefined;
}

/** Where a page of the change log's writes starts: after this write, newest first. */
export interface WritePosition {
  readonly at: string;
  readonly correlationId: string;
  readonly entityId: string;
}

/** A page of a program's writes (the rows one write wrote for one record), newest first. */
export interface ChangeWriteQuery {
  /** Inclusive lower bound, an ISO instant. */
  readonly since?: string | undefined;
  /** Exclusive upper bound, an ISO instant. */
  readonly until?: string | undefined;
  /** Only writes by this person. */
  readonly actorId?: string | undefined;
  /** Only writes of the record with this key (M-12), and of the dependencies and links that name it. */
  readonly recordKey?: string | undefined;
  readonly after?: WritePosition | undefined;
  /** Writes (not rows) per page. */
  readonly limit: number;
}

/** Closed records a page lists: those last changed from `since` (inclusive) to `until` (exclusive), ISO instants. */
export interface ClosedPeriod {
  readonly since: string;
  readonly until: string;
}

/** A page of a program's decisions by the number of their key; open ones always, closed ones of the period. */
export interface DecisionPageQuery {
  /** Only these statuses (all when absent). */
  readonly statuses?: readonly DecisionStatus[] | undefined;
  readonly closed: ClosedPeriod;
  /** The latest asked first (D-9, D-8, …); D-1 first otherwise. */
  readonly descending: boolean;
  /** Only decisions after the one with this key number, in the order asked for. */
  readonly afterKeyNumber?: number | undefined;
  readonly limit: number;
}

/** Where an action stands in work order: open, then done, then closed; each by due date (undated last), then key number. */
export interface ActionPosition {
  readonly status: ActionStatus;
  readonly dueDate: PlainDate | null;
  readonly keyNumber: number;
}

/** A page of a program's actions in work order; open and done ones always, closed ones of the period. */
export interface ActionPageQuery {
  readonly status?: ActionStatus | undefined;
  readonly ownerId?: string | undefined;
  readonly closed: ClosedPeriod;
  /** Only actions after this place in work order. */
  readonly after?: ActionPosition | undefined;
  readonly limit: number;
}

/** A record named as people see it: kind, id, key and title. */
export interface NamedRecord {
  readonly entity: LinkableEntity;
  readonly id: string;
  readonly key: string;
  readonly title: string;
}

/** What a search looks for: a record whose key is `key`, or whose title holds every one of `words`. */
export interface RecordSearch {
  /** Compared with keys as stored (upper case, M-12). */
  readonly key: string;
  /** Each is found anywhere in the title, ignoring case; `%` and `_` are plain characters. */
  readonly words: readonly string[];
  /** At most this many records of each kind. */
  readonly limit: number;
}

/** A record a search found: its kind, key, title (a milestone's name, a decision's statement) and status. */
export interface FoundRecord extends NamedRecord {
  readonly programId: string;
  /** The status its list shows; a milestone is `done` once it has an actual date, else `open`. */
  readonly status: string;
}

export interface OpenRecordCounts {
  readonly openDecisions: number;
  readonly highRisks: number;
}

export interface OwnedOpenItems {
  readonly decisions: readonly Decision[];
  readonly actions: readonly Action[];
  readonly risks: readonly Risk[];
  readonly milestones: readonly Milestone[];
  readonly confirmations: readonly Action[];
  /** Checklist items the person owns, open or rejected, due by `dueBy` or undated, of gates not settled. */
  readonly checklistItems: readonly WeekChecklistItem[];
  /** Submitted items of gates the person owns. */
  readonly reviews: readonly WeekChecklistItem[];
}

/**
 * A person's own gates that are not settled (passed, passed with conditions, stopped) and have a
 * review milestone, with what readiness reads for them: what "my week" shows of the gates they own.
 */
export interface OwnedGatesForReadiness {
  readonly gates: readonly GateRecord[];
  /** The gates' review milestones. */
  readonly reviewMilestones: readonly Milestone[];
  /** The gates' required items not yet accepted or waived. */
  readonly openRequiredItems: readonly OpenRequiredItem[];
}

/** An intake link with how much it was used. */
export interface IntakeLinkUse extends IntakeLink {
  readonly submissions: number;
  readonly lastSubmittedAt: string | null;
}

interface NoticeRecord {
  readonly id: string;
  readonly recipientId: UserId;
  readonly programId: string | null;
  readonly link: string;
  /** Who made the change; null when Tollgate found it itself (a gate turning at risk). */
  readonly actorId: UserId | null;
  readonly createdAt: string;
}

/** A person's notice as kept: what it tells (kind and facts), where it leads, who caused it, and whether it was read. */
export type Notice = NoticeBody & NoticeRecord & { readonly readAt: string | null };

/** A notice to keep; with a dedupe key, kept only when the recipient has none with that key yet. */
export type NewNotice = NoticeBody & NoticeRecord & { readonly dedupeKey: string | null };

/** Where a page of a person's notices starts: after this one, newest first. */
export interface NoticePosition {
  readonly createdAt: string;
  readonly id: string;
}

/** How many notices a person has not read, and the newest of them (null: none). */
export interface UnreadNotices {
  readonly count: number;
  readonly newestId: string | null;
}

/** A person's chosen mode for one kind of notice (a kind without a row is immediate). */
export interface NotificationSettingRecord {
  readonly id: string;
  readonly userId: UserId;
  readonly kind: NoticeKind;
  readonly mode: NotificationMode;
  readonly version: number;
}

/** An e-mail to queue in the outbox, in the transaction of the change that causes it. */
export interface NewMail {
  readonly id: string;
  readonly recipientId: UserId | null;
  readonly to: string;
  /** A notice's kind, or `digest`. */
  readonly kind: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The one-click link that turns these e-mails off (List-Unsubscribe), or null. */
  readonly unsubscribeUrl: string | null;
  /** Queued once per key: a second message with the key is skipped (also when two arrive at once). */
  readonly dedupeKey: string;
  readonly at: string;
  /** A file sent with it (the issued report's PDF), at most mailAttachmentMaxBytes. */
  readonly attachment?: MailAttachment | null | undefined;
}

/** The largest file an e-mail carries: an issued report's PDF is far smaller (tens of KB). */
export const mailAttachmentMaxBytes = 5 * 1024 * 1024;

/** A file sent with an e-mail. */
export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** A message the delivery worker claimed: what to send, and how many attempts it had before this one. */
export interface ClaimedMail {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly unsubscribeUrl: string | null;
  readonly attachment: MailAttachment | null;
  readonly attempts: number;
}

/** Where a message of the outbox stands (for the admin's and tests' reading). */
export interface OutboxEntry extends ClaimedMail {
  readonly recipientId: UserId | null;
  readonly kind: string;
  readonly dedupeKey: string;
  readonly createdAt: string;
  readonly notBefore: string;
  readonly lastError: string | null;
  readonly sentAt: string | null;
  readonly failedAt: string | null;
}

/**
 * The delivery worker's side of the outbox: each call is its own short transaction. A claim holds a
 * message for one worker until `claimedUntil`; an expired claim (a worker that died) is claimed again.
 */
export interface Outbox {
  /** Claims up to `limit` due messages (not sent, not failed, due by `now`, unclaimed or claim expired), oldest due first. */
  claim(workerId: string, now: string, leaseMs: number, limit: number): Promise<ClaimedMail[]>;
  /** Marks a claimed message sent; false when the claim was lost (another worker holds it now). */
  markSent(id: string, workerId: string, at: string): Promise<boolean>;
  /** Records a failed attempt: due again at `retryAt`, or failed for good when it is null. */
  markAttemptFailed(id: string, workerId: string, error: string, retryAt: string | null, at: string): Promise<boolean>;
  /** Every message, oldest first (at most `limit`). */
  list(limit: number): Promise<OutboxEntry[]>;
}

/** The letter of a kind of record's keys within a program: milestones, decisions, risks, actions, floor events. */
export type KeyPrefix = 'M' | 'D' | 'R' | 'A' | 'E' | 'X';

/** A page of a program's floor events, newest (highest key number) first, optionally of one kind. */
export interface FloorEventPageQuery {
  readonly kind?: FloorEventKind | undefined;
  /** Only events with a lower key number than this one. */
  readonly beforeKeyNumber?: number | undefined;
  readonly limit: number;
}

/** A sample shipment not arrived yet, as the escalation sweep reads it. */
export interface UnarrivedShipment {
  readonly programId: ProgramId;
  readonly key: string;
  readonly title: string;
  readonly expectedOn: PlainDate;
}

/** A program's rules for judging floor events. */
export interface FloorSettings {
  /** Critical defects accept none (Ac 0, Re 1) whatever the sampling plan; default true. */
  readonly criticalDefectsAcceptNone: boolean;
}

/** Reads, available both outside and inside a transaction. */
export interface Reads {
  listUsers(): Promise<User[]>;
  /** The people with these ids (those that exist), by name, for the names a page shows. */
  findUsers(ids: readonly string[]): Promise<User[]>;
  findUser(id: string): Promise<User | null>;
  findUserByEmail(email: string): Promise<User | null>;
  /** The stored password hash (null when the person has none, e.g. signs in through OIDC only). */
  findPasswordHash(userId: UserId): Promise<string | null>;
  countAdmins(): Promise<number>;
  listMemberships(userId?: UserId): Promise<Membership[]>;
  findMembership(id: string): Promise<Membership | null>;
  /** The memberships that give a role on the program: on the program itself or on its client. */
  listMembershipsOn(program: { readonly id: ProgramId; readonly clientId: ClientId }): Promise<Membership[]>;
  /** listMembershipsOn, of people not removed only: who may take part in the program (one read). */
  listMembersOn(program: { readonly id: ProgramId; readonly clientId: ClientId }): Promise<Membership[]>;
  findSession(id: string): Promise<SessionRecord | null>;
  /**
   * The session and the workspace's revision (workspaceRevision), read together: every API request
   * asks for both, and on PostgreSQL each read is a round trip.
   */
  findSessionAtRevision(id: string): Promise<{ readonly session: SessionRecord; readonly workspace: number } | null>;
  findApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  listApiTokens(userId: UserId): Promise<ApiTokenRecord[]>;
  findInviteByHash(tokenHash: string): Promise<InviteRecord | null>;
  listInvites(userId: UserId): Promise<InviteRecord[]>;
  /** Failed sign-ins counted for the key in the window that is open at `now`. */
  failuresFor(key: string, now: string, windowMs: number): Promise<number>;
  listClients(): Promise<Client[]>;
  findClient(id: string): Promise<Client | null>;
  /** Every supplier by name, each with its factories by name. */
  listSuppliers(): Promise<{ readonly supplier: Supplier; readonly factories: Factory[] }[]>;
  findSupplier(id: string): Promise<Supplier | null>;
  findSupplierByName(name: string): Promise<Supplier | null>;
  findFactory(id: string): Promise<Factory | null>;
  /** The programs made at any of these factories, archived and closed ones too. */
  listProgramsAtFactories(factoryIds: readonly string[]): Promise<Program[]>;
  /** Programs that are neither archived nor closed, per client: what archiving a client leaves behind. */
  countOpenProgramsOfClient(clientId: string): Promise<number>;
  /** The clients with these ids (those that exist). */
  findClients(ids: readonly string[]): Promise<Client[]>;
  countPrograms(): Promise<number>;
  /** Rows per table of the workspace's data (every table but the migrations' and the workspace revision). */
  countData(): Promise<Readonly<Record<string, number>>>;
  listPrograms(): Promise<Program[]>;
  /** The programs with these ids (those that exist). */
  findPrograms(ids: readonly string[]): Promise<Program[]>;
  /** By id or by code. */
  findProgram(idOrCode: string): Promise<Program | null>;
  /**
   * Committed write transactions that touched records of no program (people, clients, client-wide
   * roles) or anyone's role on a program: with a program's `revision`, it tells whether a kept answer
   * is current, and alone whether a person and their roles as read earlier still are.
   */
  workspaceRevision(): Promise<number>;
  /** Per factory time zone: how many programs and the sum of their revisions (every write to any program counts it up). */
  programRevisions(): Promise<{ readonly timeZone: string; readonly programs: number; readonly revisions: number }[]>;
  listMilestones(programId: AuthorizedProgramId): Promise<Milestone[]>;
  listMilestonesOfPrograms(programIds: readonly AuthorizedProgramId[]): Promise<Milestone[]>;
  /** These programs' milestones without an actual date, by program, baseline and key. */
  listOpenMilestonesOfPrograms(programIds: readonly AuthorizedProgramId[]): Promise<Milestone[]>;
  /** The same milestones as the escalation sweep reads them (missed, slipped, gate reviews ahead): names and dates only. */
  listOpenMilestoneDatesOfPrograms(programIds: readonly AuthorizedProgramId[]): Promise<MilestoneDates[]>;
  /** The milestones with these ids among these programs' (any order). */
  listMilestonesByIds(programIds: readonly AuthorizedProgramId[], ids: readonly string[]): Promise<Milestone[]>;
  /** By id or by key (M-12) within the program. */
  findMilestone(programId: AuthorizedProgramId, idOrKey: string): Promise<Milestone | null>;
  listChanges(programId: AuthorizedProgramId, q: ChangeQuery): Promise<ChangeRecord[]>;
  /** A page of writes, newest first, each with every row it wrote for its record (a write never splits). */
  listChangeWrites(programId: AuthorizedProgramId, q: ChangeWriteQuery): Promise<ChangeRecord[][]>;
  /** The last value each of these records logged for one of the fields (its title), by record id: names of removed records. */
  lastLoggedValues(programId: AuthorizedProgramId, entityIds: readonly string[], fields: readonly string[]): Promise<Map<string, string>>;
  /** How many changes match (limit, order and `after` aside). */
  countChanges(programId: AuthorizedProgramId, q: Omit<ChangeQuery, 'limit' | 'ascending' | 'after'>): Promise<number>;
  listDecisions(programIds: readonly AuthorizedProgramId[]): Promise<Decision[]>;
  /** These programs' decisions still open (what the escalation sweep reads: overdue ones). */
  listOpenDecisionsOfPrograms(programIds: readonly AuthorizedProgramId[]): Promise<Decision[]>;
  /** One page of the program's decisions, by key number (keyset), filtered in SQL. */
  listDecisionPage(programId: AuthorizedProgramId, q: DecisionPageQuery): Promise<Decision[]>;
  findDecision(programId: AuthorizedProgramId, idOrKey: string): Promise<Decision | null>;
  /** Open decisions in any program (the caller checks access), optionally one owner's only. */
  listOpenDecisions(ownerId?: UserId): Promise<Decision[]>;
  /** Decisions by id, in any program (the caller checks access): the ends of supersede chains. */
  findDecisions(ids: readonly string[]): Promise<Decision[]>;
  /** The links from or to these records of one kind, in any program. */
  listLinksTouching(entity: LinkableEntity, ids: readonly string[]): Promise<Link[]>;
  /** Key and title of each of these records (those that exist), by kind. */
  nameRecords(refs: readonly { readonly entity: LinkableEntity; readonly id: string }[]): Promise<NamedRecord[]>;
  /**
   * Milestones, decisions, risks and actions of these programs matching the search, per kind at most
   * `limit`, a key match first, then by title.
   */
  searchRecords(programIds: readonly AuthorizedProgramId[], q: RecordSearch): Promise<FoundRecord[]>;
  listRisks(programIds: readonly AuthorizedProgramId[]): Promise<Risk[]>;
  findRisk(programId: AuthorizedProgramId, idOrKey: string): Promise<Risk | null>;
  listActions(programIds: readonly AuthorizedProgramId[]): Promise<Action[]>;
  /** These programs' open actions due before the date (what the escalation sweep reads for overdue actions). */
  listOpenActionsDueBefore(programIds: readonly AuthorizedProgramId[], before: PlainDate): Promise<ActionDue[]>;
  /** One page of the program's actions in work order (keyset), filtered in SQL. */
  listActionPage(programId: AuthorizedProgramId, q: ActionPageQuery): Promise<Action[]>;
  /** Actions not closed that block a milestone: the blockers health and the milestone table show. */
  listBlockingActions(programIds: readonly AuthorizedProgramId[]): Promise<Action[]>;
  /** Per program (absent: none): open decisions, and open or mitigating risks that score high. */
  countOpenRecords(programIds: readonly AuthorizedProgramId[]): Promise<Map<string, OpenRecordCounts>>;
  /**
   * What a person owns that is still open, in any program (the caller checks access): open decisions;
   * open actions, open or mitigating risks and open milestones due (due date, review date, forecast)
   * by `dueBy` or undated. Plus the done actions waiting for closure in the programs given, and in
   * every program of the clients given (where the person runs the cadence).
   */
  listOwnedOpenItems(
    userId: UserId,
    dueBy: PlainDate,
    confirmIn: { readonly programIds: readonly string[]; readonly clientIds: readonly string[] },
  ): Promise<OwnedOpenItems>;
  /**
   * The gates a person owns (gates.owner_id) that are not settled and have a review milestone, in any
   * program (the caller checks access), with their review milestones and open required items: three
   * reads filtered by owner in SQL, whatever the number of gates.
   */
  listOwnedGatesForReadiness(userId: UserId): Promise<OwnedGatesForReadiness>;
  findAction(programId: AuthorizedProgramId, idOrKey: string): Promise<Action | null>;
  listLinks(programId: AuthorizedProgramId): Promise<Link[]>;
  /** The program's finish-to-start dependencies between milestones. */
  listMilestoneLinks(programId: AuthorizedProgramId): Promise<MilestoneLink[]>;
  listMilestoneLinksOfPrograms(programIds: readonly AuthorizedProgramId[]): Promise<MilestoneLink[]>;
  /** The program's baselines, by number. */
  listBaselines(programId: AuthorizedProgramId): Promise<Baseline[]>;
  /** The intake link whose secret hashes to this (revoked and expired ones too), or null. */
  findIntakeLinkByHash(tokenHash: string): Promise<IntakeLink | null>;
  findIntakeLink(id: string): Promise<IntakeLink | null>;
  /** The intake links of these clients (every client's with null), newest first, each with its submissions counted. */
  listIntakeLinks(clientIds: readonly string[] | null): Promise<IntakeLinkUse[]>;
  /** What the intake submission that made this program recorded, or null when it was not made by intake. */
  findIntakeSubmission(programId: AuthorizedProgramId): Promise<IntakeSubmission | null>;
  /** The workspace's own program templates (archived ones too), by id. */
  listWorkspaceTemplates(): Promise<WorkspaceTemplate[]>;
  findWorkspaceTemplate(id: string): Promise<WorkspaceTemplate | null>;
  /** A page of the person's notices, newest first (only unread ones when asked). */
  listNotices(
    recipientId: UserId,
    q: { readonly unreadOnly: boolean; readonly after?: NoticePosition | undefined; readonly limit: number },
  ): Promise<Notice[]>;
  findNotice(recipientId: UserId, id: string): Promise<Notice | null>;
  /** Per person asked for (absent: nothing unread): how many notices are unread and the newest of them. */
  unreadNotices(recipientIds: readonly UserId[]): Promise<Map<string, UnreadNotices>>;
  /** The modes these people chose (kinds without a row are immediate). */
  listNotificationSettings(userIds: readonly UserId[]): Promise<NotificationSettingRecord[]>;
  /** The people who set any kind to digest. */
  listDigestUserIds(): Promise<UserId[]>;
  /** The active people who receive the leadership view by e-mail (users.has_leadership_mail), by id. */
  listLeadershipMailUsers(): Promise<User[]>;
  /**
   * The person's notices of these kinds made after `since` (exclusive) up to `until` (inclusive) and not e-mailed
   * on their own already (outbox key `notice:<id>`), oldest first, at most `limit`: what a digest lists.
   */
  listNoticesBetween(recipientId: UserId, kinds: readonly NoticeKind[], since: string, until: string, limit: number): Promise<Notice[]>;
  /** When the person's last e-mail of this kind (e.g. `digest`) was queued, or null. */
  lastMailQueuedAt(recipientId: UserId, kind: string): Promise<string | null>;
  /** The key that signs e-mails' one-click links (made once by migration 0021, shared by every instance). */
  mailLinkKey(): Promise<string>;
  /** Every program's id, code and revision: what the live updates compare, read only when a revision moved. */
  listProgramRevisions(): Promise<{ readonly id: string; readonly code: string; readonly clientId: string; readonly revision: number }[]>;
  /** The program's kickoff charter, or null while none was saved (the empty charter, version 0). */
  findCharter(programId: AuthorizedProgramId): Promise<StoredCharter | null>;
  /** The charters of these programs (those saved), for the escalation sweep's paths in one read. */
  listCharters(programIds: readonly AuthorizedProgramId[]): Promise<(StoredCharter & { readonly programId: string })[]>;
  /** The trigger settings saved for these programs (kinds never set are absent: the defaults hold). */
  listTriggers(programIds: readonly AuthorizedProgramId[]): Promise<TriggerRecord[]>;
  findEscalation(programId: AuthorizedProgramId, idOrKey: string): Promise<Escalation | null>;
  /** A page of escalations, filtered in SQL, newest raised first. */
  listEscalations(q: EscalationQuery): Promise<Escalation[]>;
  /** A person's open (not resolved) escalations in any program (the caller checks access), by deadline: "my week". */
  listOwnedOpenEscalations(ownerId: UserId): Promise<Escalation[]>;
  /** The conditions of these programs' open (not resolved) escalations: what the sweep and a floor event compare theirs with. */
  listOpenConditionKeys(
    programIds: readonly AuthorizedProgramId[],
  ): Promise<{ readonly programId: string; readonly conditionKey: string }[]>;
  /** These programs' escalations waiting on their owner (open or escalated) whose deadline is at or before `now`: what the sweep expires. */
  listEscalationsDue(programIds: readonly AuthorizedProgramId[], now: string): Promise<Escalation[]>;
  /** Per program (absent: none): open escalations and the overdue among them at `now`. */
  countEscalations(programIds: readonly AuthorizedProgramId[], now: string): Promise<Map<string, EscalationCounts>>;
  /** The subjects of the open spells that start with one of these prefixes (escalation conditions in a spell, per program). */
  listOpenSpells(prefixes: readonly string[]): Promise<string[]>;
  /** The program's gates in order (G1 first). */
  listGates(programId: AuthorizedProgramId): Promise<GateRecord[]>;
  /** The gates of these programs, for readiness across a portfolio in one read. */
  listGatesOfPrograms(programIds: readonly AuthorizedProgramId[]): Promise<GateRecord[]>;
  /** The checklist items of the program's gates (with `gateId`, of that gate only), by gate and position. */
  listChecklistItems(programId: AuthorizedProgramId, gateId?: string): Promise<ChecklistItemRecord[]>;
  /** The required items not yet accepted or waived of these programs' gates not passed: what readiness reads. */
  listOpenRequiredItemsOfPrograms(programIds: readonly AuthorizedProgramId[]): Promise<OpenRequiredItem[]>;
  /** The evidence of the program's items (removed included, newest last). */
  listEvidence(programId: AuthorizedProgramId): Promise<Evidence[]>;
  findEvidence(programId: AuthorizedProgramId, id: string): Promise<Evidence | null>;
  /** A floor event of the program by id or key (E-12). */
  findFloorEvent(programId: AuthorizedProgramId, idOrKey: string): Promise<FloorEvent | null>;
  /** Floor events of the program by id (those that exist): what evidence names. */
  findFloorEvents(programId: AuthorizedProgramId, ids: readonly string[]): Promise<FloorEvent[]>;
  /** One page of the program's floor events, newest first (keyset on the key number). */
  listFloorEventPage(programId: AuthorizedProgramId, q: FloorEventPageQuery): Promise<FloorEvent[]>;
  findFloorSettings(programId: AuthorizedProgramId): Promise<FloorSettings>;
  /** The sample shipments of these programs not arrived yet (the escalation sweep's late arrivals), along floor_events_missing_idx. */
  listUnarrivedShipments(programIds: readonly AuthorizedProgramId[]): Promise<UnarrivedShipment[]>;
  /** A stored evidence file's row (the adapter in store/ checks its hash). */
  findEvidenceFile(fileId: string): Promise<{ readonly sha256: string; readonly sizeBytes: number; readonly content: Uint8Array } | null>;
  /**
   * Changes of the given fields of the programs' milestones (creation included), oldest first:
   * the forecast history that slips, health and the trend chart are computed from.
   */
  listMilestoneFieldChanges(
    programIds: readonly AuthorizedProgramId[],
    fields: readonly string[],
    opts?: { readonly since?: string | undefined; readonly milestoneId?: string | undefined },
  ): Promise<ChangeRecord[]>;
}

/** Who did it, when, why, and which write it belongs to: stamped on every change row. */
export interface WriteMeta {
  readonly actorId: UserId;
  readonly at: string;
  readonly reason: string | null;
  readonly correlationId: string;
}

/** A record as it is stored, without what the store keeps itself (id, version, timestamps). */
type Stored<T, K extends PropertyKey = never> = Omit<T, 'id' | 'version' | K>;

/**
 * The columns a write may set, per kind of record, as the domain holds them: the store turns them
 * into columns (booleans as 0/1, structured values as JSON) and checks at compile time that each is a
 * column of its table, so a field without a column does not compile.
 */
export interface Columns {
  // An account is made without the subscription (the column's default); the person turns it on (PATCH /me).
  user: Stored<Omit<User, 'hasLeadershipMail'>> & { readonly passwordHash: string | null; readonly hasLeadershipMail?: boolean };
  client: Stored<Client>;
  supplier: Stored<Supplier>;
  factory: Stored<Factory>;
  /** With the floor events' rule (0022), read through findFloorSettings rather than with the program. */
  program: Stored<Program, 'revision'> & { readonly criticalDefectsAcceptNone?: boolean };
  milestone: Stored<Milestone>;
  membership: Stored<Membership>;
  api_token: Stored<ApiTokenRecord, 'createdAt'> & { readonly tokenHash: string };
  invite: Stored<InviteRecord> & { readonly tokenHash: string };
  decision: Stored<Decision>;
  risk: Stored<Risk>;
  action: Stored<Action>;
  link: Stored<Link>;
  milestone_link: Stored<MilestoneLink>;
  baseline: Stored<Baseline, 'takenById'> & { readonly takenBy: UserId };
  /** Keyed by programId (the write's id is the program's). */
  charter: Omit<CharterRecord, 'version'>;
  gate: Stored<GateRecord>;
  checklist_item: Stored<ChecklistItemRecord>;
  evidence: Stored<Evidence, 'addedAt'>;
  intake_link: Stored<IntakeLink, 'createdAt'> & { readonly tokenHash: string };
  intake_submission: Stored<IntakeSubmission, 'createdAt'>;
  trigger: Stored<TriggerRecord>;
  escalation: Stored<Escalation>;
  /** The template's version is the row's: the one write path counts it up. */
  workspace_template: Stored<WorkspaceTemplate, 'createdAt' | 'updatedAt'>;
  notification_setting: Stored<NotificationSettingRecord>;
  floor_event: FloorEventColumns;
  update_request: Stored<UpdateRequest>;
}

interface WriteBase<E extends EntityName> {
  readonly entity: E;
  readonly id: string;
  readonly programId: ProgramId | null;
  readonly entityKey: string | null;
  readonly changes: readonly FieldChange[];
  readonly meta: WriteMeta;
}

export interface InsertWrite<E extends EntityName = EntityName> extends WriteBase<E> {
  readonly op: 'insert';
  readonly values: Readonly<Columns[E]>;
}

export interface UpdateWrite<E extends EntityName = EntityName> extends WriteBase<E> {
  readonly op: 'update';
  readonly expectedVersion: number;
  readonly set: Readonly<Partial<Columns[E]>>;
}

export interface DeleteWrite<E extends EntityName = EntityName> extends WriteBase<E> {
  readonly op: 'delete';
  readonly expectedVersion: number;
}

/** Updates of many records of one kind to the same values (Tx.writeUpdates). */
export interface SameUpdates<E extends EntityName> {
  readonly entity: E;
  readonly set: Readonly<Partial<Columns[E]>>;
  /** The instant of every one of them (their updatedAt). */
  readonly at: string;
  readonly rows: readonly Omit<UpdateWrite<E>, 'op' | 'entity' | 'set'>[];
}

/** An insert of one record, typed by its kind. */
export type Insert = { [E in EntityName]: InsertWrite<E> }[EntityName];

/** One write of one record, typed by its kind: only that kind's columns, with their domain types. */
export type Write = { [E in EntityName]: InsertWrite<E> | UpdateWrite<E> | DeleteWrite<E> }[EntityName];

/**
 * Thrown by the store when a write breaks a unique constraint (two requests created the same thing at
 * the same moment); `transact` answers it with 409 and the refusal's stable code, never a 500.
 */
export class UniqueViolation extends Error {
  constructor(
    /** The table whose unique rule was broken. */
    readonly table: string,
    detail: string,
  ) {
    super(`unique constraint on ${table}: ${detail}`);
  }
}

/** What a rule that reads other rows guards; transactions that lock the same scope run one after another. */
export type LockScope =
  | `program:${string}`
  | 'admins'
  | 'first-admin'
  | 'demo'
  | 'clients'
  | 'suppliers'
  | 'programs'
  | 'intake'
  /** The escalation sweep: one at a time across instances, reading what it writes after the lock. */
  | 'escalations'
  /** Tollgate's system actors, made on first use. */
  | 'system-actors';

export interface Tx extends Reads {
  /**
   * Serializes this transaction with every other one that locks the same scope, on any instance,
   * until it ends: taken before reading the rows an invariant depends on (no cycle in a program's
   * links, at least one admin, one first admin, the demo loaded once).
   */
  lock(scope: LockScope): Promise<void>;
  /**
   * Deletes all the workspace's data, keeping the schema: for starting afresh with the demo. Outside the
   * change log (it is emptied too); the workspace revision counts on, so no kept answer outlives it.
   */
  emptyData(): Promise<void>;
  /** Next human key of a kind within a program (M-1, M-2, …); never reused. */
  nextKey(programId: ProgramId, prefix: KeyPrefix): Promise<string>;
  /** The next `count` keys of a kind in each of these programs, in one statement whatever their number (a sweep's batch). */
  nextKeys(prefix: KeyPrefix, counts: ReadonlyMap<ProgramId, number>): Promise<Map<ProgramId, string[]>>;
  /**
   * The one write path: applies the row change and appends its change-log rows in this
   * transaction. An update whose expectedVersion is stale changes nothing and returns false.
   */
  write(w: Write): Promise<boolean>;
  /**
   * Many inserts through the one write path at once (rows and change-log rows in a few multi-row statements,
   * not a statement per record): what a sweep raises over hundreds of programs.
   */
  writeInserts(ws: readonly Insert[]): Promise<void>;
  /**
   * Many records of one kind set to the same values, each at the version read, with each one's change-log
   * rows, in a few statements whatever their number (what a sweep expires). A record whose version is
   * stale is left as it is and its rows are not logged; answers the ids saved.
   */
  writeUpdates<E extends EntityName>(u: SameUpdates<E>): Promise<ReadonlySet<string>>;
  /** Sessions, sign-in throttles and OIDC round-trip states are operational records outside the change log. */
  insertSession(s: SessionRecord): Promise<void>;
  touchSession(id: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  deleteSessions(where: { id: string } | { userId: UserId; exceptId?: string | undefined }): Promise<number>;
  /**
   * Counts a failed sign-in for the key within a window starting at `now` when none is open; returns the
   * failures in the window. Atomic (one upsert that locks the row), so parallel callers on any instance
   * each get a different count: sign-in counts every attempt this way before it checks the password.
   */
  recordFailure(key: string, now: string, windowMs: number): Promise<number>;
  clearFailures(key: string): Promise<void>;
  /** Takes back one counted failure of the key (an attempt counted up front that succeeded); never below 0. */
  forgiveFailure(key: string): Promise<void>;
  /** Stores a round-trip state and sweeps those expired by `now`. */
  putOidcState(s: OidcState, now: string): Promise<void>;
  /** Returns and deletes the state (one use only), or null when unknown or expired. */
  takeOidcState(state: string, now: string): Promise<OidcState | null>;
  /** Keeps a file's bytes under their hash (outside the change log: the evidence record that names it is in it). */
  insertEvidenceFile(row: {
    readonly id: string;
    readonly sha256: string;
    readonly sizeBytes: number;
    readonly content: Uint8Array;
    readonly at: string;
  }): Promise<void>;
  /**
   * Keeps notices in this transaction (outside the change log: the change they tell of is in it); one
   * with a dedupe key the recipient already has is skipped. Answers the ids of those kept.
   */
  insertNotices(notices: readonly NewNotice[]): Promise<readonly string[]>;
  /** Marks the person's notices read (these, or all unread ones) at `at`; answers how many changed. */
  markNoticesRead(recipientId: UserId, ids: readonly string[] | 'all', at: string): Promise<number>;
  /**
   * Opens a spell of the subject (a gate at risk) unless one is open: answers the new spell's number,
   * or null when it was open already. One upsert, so of two callers at once only one opens it.
   */
  openSpell(subject: string, at: string): Promise<number | null>;
  /** openSpell for many subjects in one statement a few hundred: answers the subjects this call opened. */
  openSpells(subjects: readonly string[], at: string): Promise<ReadonlySet<string>>;
  /** Ends the open spells of these subjects (the gate is no longer at risk). */
  closeSpells(subjects: readonly string[], at: string): Promise<void>;
  /** Marks an API token used (not change-logged: it changes on every request). */
  touchApiToken(id: string, at: string): Promise<void>;
  /**
   * Queues an e-mail in this transaction (the outbox): a rolled-back change sends nothing, a committed one is
   * delivered after commit by the worker. Skipped when a message with the same dedupe key exists; answers whether it was queued.
   */
  enqueueMail(mail: NewMail): Promise<boolean>;
  /** enqueueMail for many messages in a few multi-row statements; answers how many were queued. */
  enqueueMails(mails: readonly NewMail[]): Promise<number>;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  readonly reads: Reads;
  /** Where evidence files are kept: the database itself unless composed otherwise. */
  readonly evidence: EvidenceStorage;
  /** Runs fn in one transaction; a throw rolls everything back. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs fn with a store whose transactions are savepoints of one transaction, and whose reads see
   * them: all of fn's writes are committed together, once, or not at all (a throw out of fn rolls
   * everything back; a transaction that throws inside rolls back only its own writes). For loaders
   * that write many records at once (the demo): one commit instead of one per write. Other writers
   * wait for the batch as for any transaction. `isWhole`: a transaction that throws inside fails the
   * whole batch instead (every later one is refused, and the batch rolls back even if fn carries on),
   * so no savepoint is taken per transaction: for loaders that stop at the first refusal anyway.
   */
  batch<T>(fn: (store: Store) => Promise<T>, options?: { readonly isWhole?: boolean }): Promise<T>;
  /** The delivery worker's side of the e-mail outbox. */
  readonly outbox: Outbox;
  /** Calls `listener` after each commit that queued mail (the worker's nudge); answers how to stop listening. */
  onMailQueued(listener: () => void): () => void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type { MilestoneId };

/** One e-mail as handed to the mail server. */
export interface OutgoingMail {
  /** The outbox id: the Message-ID's left part, so a receiver can drop a message sent twice at the edge. */
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly unsubscribeUrl: string | null;
  readonly attachment: MailAttachment | null;
}

/** Sends an e-mail (jobs/smtp-mailer.ts: nodemailer over SMTP); throws when the server does not accept it. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

// ── Weekly reports (issue 14) ─────────────────────────────────────────────────────────────────────
// Kept apart (interface merging) so the report's reads and records do not interleave with other work here.

/** The cadence owner's narrative of a program's draft report for one ISO week (`2026-W49`). */
export interface ReportDraftRecord {
  readonly id: string;
  readonly programId: ProgramId;
  readonly week: string;
  readonly narrative: string;
  readonly version: number;
}

/** An issued report as listed: which week and revision, when and by whom, and how many lint findings it was issued with. */
export interface IssuedReportHead {
  readonly id: string;
  readonly programId: ProgramId;
  readonly week: string;
  /** 1 for the first issue of the week; each correction counts on. */
  readonly revision: number;
  readonly issuedAt: string;
  readonly issuedById: UserId;
  readonly findingsAcknowledged: boolean;
  /** Issued by the charter's schedule (app/reports/auto-issue-reports.ts). */
  readonly isAutomatic: boolean;
  readonly version: number;
}

/** An issued report whole: the immutable snapshot, its JSON kept as the text written. */
export interface IssuedReportRecord extends IssuedReportHead {
  /** The report model's stable JSON (domain/report/report-json.ts). */
  readonly model: string;
  /** The input it was assembled from (domain/report/report-input.ts, without the calendar's functions), stable JSON. */
  readonly input: string;
  /** The lint findings when issued, JSON. */
  readonly findings: string;
  /** What changed against the revision before (JSON), null for revision 1. */
  readonly changesFromPrevious: string | null;
}

/** Where a page of a program's issued reports starts: after this one, newest issued first. */
export interface IssuedReportPosition {
  readonly issuedAt: string;
  readonly id: string;
}

/** An inspection's verdict as the report reads it. */
export interface InspectionVerdictRecord {
  readonly key: string;
  readonly title: string;
  readonly createdAt: string;
  readonly verdict: 'accept' | 'reject';
}

/** An outcome recorded in a week's cadence meeting (migration 0026), with the words and owner it had then. */
export interface MeetingOutcomeRecord {
  readonly id: string;
  readonly programId: ProgramId;
  readonly week: string;
  readonly kind: 'decision' | 'action';
  readonly recordId: string;
  readonly recordKey: string;
  /** A decision's statement or an action's title. */
  readonly title: string;
  readonly outcome: string | null;
  readonly rationale: string | null;
  readonly ownerId: string | null;
  readonly dueDate: PlainDate | null;
  readonly recordedAt: string;
  readonly recordedById: string;
  readonly version: number;
}

export interface Columns {
  report_draft: Stored<ReportDraftRecord>;
  issued_report: Stored<IssuedReportRecord>;
  meeting_outcome: Stored<MeetingOutcomeRecord>;
}

export interface Reads {
  findReportDraft(programId: AuthorizedProgramId, week: string): Promise<ReportDraftRecord | null>;
  /** The outcomes recorded in a week's cadence meeting, in the order recorded. */
  listMeetingOutcomes(programId: AuthorizedProgramId, week: string): Promise<MeetingOutcomeRecord[]>;
  /** The same for several programs at once (the leadership view's batch), each program's in that order. */
  listMeetingOutcomesOfPrograms(programIds: readonly AuthorizedProgramId[], week: string): Promise<MeetingOutcomeRecord[]>;
  /** A page of the program's issued reports, newest issued first (keyset on issuedAt, id), optionally of one week. */
  listIssuedReports(
    programId: AuthorizedProgramId,
    q: { readonly week?: string | undefined; readonly after?: IssuedReportPosition | undefined; readonly limit: number },
  ): Promise<IssuedReportHead[]>;
  /** One revision of a week's issued report; the latest of the week without `revision`. */
  findIssuedReport(programId: AuthorizedProgramId, week: string, revision?: number): Promise<IssuedReportRecord | null>;
  /**
   * The change-log rows of these kinds of the program's records at or after `since`, only of these fields,
   * oldest first (instant, then id), at most `limit`: what winds the records back to a past week (domain/report/rewind.ts).
   */
  listChangesSince(
    programId: AuthorizedProgramId,
    since: string,
    entities: readonly EntityName[],
    fields: readonly string[],
    limit: number,
  ): Promise<ChangeRecord[]>;
  /** The escalations raised before `at` that were not resolved by then (open at that instant, as the rows show them today). */
  listEscalationsOpenAt(programId: AuthorizedProgramId, at: string): Promise<Escalation[]>;
  /** The program's inspections recorded before `before`, with their verdicts. */
  listInspectionVerdicts(programId: AuthorizedProgramId, before: string): Promise<InspectionVerdictRecord[]>;
  // Many programs' weeks at once (the leadership view, app/reports/read-portfolio-week.ts): one query each.
  /**
   * The actions of these programs a week's report may read: those blocking a milestone, those due between
   * `due.start` and `due.end` (the week after), and any changed at or after `since` (whose state then may
   * differ from today's). The report reads no other (domain/report/blockers.ts, next-week-plan.ts). `due`
   * null: none for being due (the leadership view's summary has no next-week plan).
   */
  listActionsForReport(
    programIds: readonly AuthorizedProgramId[],
    since: string,
    due: { readonly start: string; readonly end: string } | null,
  ): Promise<Action[]>;
  /** The checklist items of these gates of these programs, each gate's by position (the gates in no set order). */
  listChecklistItemsOfGates(programIds: readonly AuthorizedProgramId[], gateIds: readonly string[]): Promise<ChecklistItemRecord[]>;
  /** The drafts' narratives of one week of these programs. */
  listReportDraftsOfWeek(programIds: readonly AuthorizedProgramId[], week: string): Promise<ReportDraftRecord[]>;
  /** The latest issued revision of one week of each of these programs that has one. */
  listLatestIssuedReportsOfWeek(programIds: readonly AuthorizedProgramId[], week: string): Promise<IssuedReportRecord[]>;
  /** listChangesSince of these programs: at most `limit` rows per program, the oldest, oldest first. */
  listChangesSinceOfPrograms(
    programIds: readonly AuthorizedProgramId[],
    since: string,
    entities: readonly EntityName[],
    fields: readonly string[],
    limit: number,
  ): Promise<ChangeRecord[]>;
  /** The escalations of these programs raised before `to` and not resolved before `from` (open at some instant in between). */
  listEscalationsOpenDuring(programIds: readonly AuthorizedProgramId[], from: string, to: string): Promise<Escalation[]>;
  /** The programs whose charter lets Tollgate issue the weekly report itself (app/reports/auto-issue-reports.ts). */
  listAutoIssuePrograms(): Promise<ProgramId[]>;
  /** The inspections of these programs recorded before `before`, with their verdicts. */
  listInspectionVerdictsOfPrograms(
    programIds: readonly AuthorizedProgramId[],
    before: string,
  ): Promise<(InspectionVerdictRecord & { readonly programId: ProgramId })[]>;
}

export interface Reads {
  /** A program's update requests of one report week (`2026-W49`), oldest asked first. */
  listUpdateRequests(programId: AuthorizedProgramId, week: string): Promise<UpdateRequest[]>;
  /** Which of these programs were asked already for which of these report weeks (one read for the run's programs). */
  listAskedWeeks(programIds: readonly string[], weeks: readonly string[]): Promise<{ readonly programId: string; readonly week: string }[]>;
  /** One update request by id, in any program: what a signed link names (the link is checked before). */
  findUpdateRequest(id: string): Promise<UpdateRequest | null>;
  /** A person's update requests asked at or after `since`, newest first (at most 100). */
  listOwnUpdateRequests(ownerId: UserId, since: string): Promise<UpdateRequest[]>;
  /** When each of these records of the program last logged a change, by record id (records never logged are absent). */
  lastChangedAt(programId: AuthorizedProgramId, entityIds: readonly string[]): Promise<Map<string, string>>;
  /** Per person and record: the first change these people logged on these records of the program after `since` (evidence added to an item counts as the item's). */
  firstChangesBy(
    programId: AuthorizedProgramId,
    actorIds: readonly string[],
    entityIds: readonly string[],
    since: string,
  ): Promise<{ readonly actorId: string; readonly entityId: string; readonly firstAt: string }[]>;
}
