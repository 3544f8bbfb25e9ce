import type { z } from 'zod';
import type {
  ApiTokenSchema,
  ClientSchema,
  CreatedTokenSchema,
  InvitationSchema,
  InviteSchema,
  Me,
  PersonSchema,
  ProgramPersonSchema,
} from '../contract/auth.js';
import type { ChangeList } from '../contract/change.js';
import type { CompleteMilestone, CreateMilestone, Milestone, MoveMilestone, UpdateMilestone } from '../contract/milestone.js';
import type { ProgramSummary } from '../contract/program.js';
import type {
  EndRisk,
  RaiseRisk,
  RealizedRisk,
  RealizeRisk,
  Risk,
  RiskChange,
  RiskDetail,
  RiskRegister,
  UpdateRisk,
} from '../contract/risk.js';
import type { Result } from '../domain/result.js';
import type { ActionBackend } from './action-backend.js';
import type { CalendarBackend } from './calendar-backend.js';
import type { DecisionBackend } from './decision-backend.js';
import type { LinkBackend } from './link-backend.js';
import type { PlanBackend } from './plan-backend.js';

// What every workspace command needs, in the API's JSON shapes, whether the CLI works on the
// database directly (as --as) or over the HTTP API (with a token). One code path per command.

/** Who the commands act as: the API's Me without the browser's CSRF token. */
export type MeJson = Omit<Me, 'csrfToken' | 'via'>;
export type ProgramPersonJson = z.infer<typeof ProgramPersonSchema>;
export type PersonJson = z.infer<typeof PersonSchema>;
export type ClientJson = z.infer<typeof ClientSchema>;
export type ApiTokenJson = z.infer<typeof ApiTokenSchema>;
export type CreatedTokenJson = z.infer<typeof CreatedTokenSchema>;
export type InvitationJson = z.infer<typeof InvitationSchema>;
export type InviteBody = z.output<typeof InviteSchema>;

export interface ChangesQuery {
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

export interface Backend {
  /** `database`: use cases on the configured database, as --as; `server`: the HTTP API with a token. */
  readonly kind: 'database' | 'server';
  /** The database's location or the server's address, for messages. */
  readonly where: string;

  me(): Promise<Result<MeJson>>;
  listPrograms(): Promise<Result<ProgramSummary[]>>;
  /** By id or code (any case); PROGRAM_NOT_FOUND also for a program the person may not see. */
  getProgram(ref: string): Promise<Result<ProgramSummary>>;
  listMilestones(programId: string): Promise<Result<Milestone[]>>;
  createMilestone(programId: string, body: CreateMilestone): Promise<Result<Milestone>>;
  /** Refusals with VERSION_CONFLICT carry the current milestone (as JSON) in `current`. */
  updateMilestone(programId: string, milestoneId: string, body: UpdateMilestone): Promise<Result<Milestone>>;
  /** The answer lists the successors the move pushed in `pushed` (absent when none). */
  moveMilestone(programId: string, milestoneId: string, body: MoveMilestone): Promise<Result<Milestone>>;
  completeMilestone(programId: string, milestoneId: string, body: CompleteMilestone): Promise<Result<Milestone>>;
  /** One page, newest first; `nextCursor` (as `cursor`) asks for the next. */
  listChanges(programId: string, query: ChangesQuery): Promise<Result<ChangeList>>;
  /** The people holding a role on the program: who can own its items. */
  listProgramPeople(programId: string): Promise<Result<ProgramPersonJson[]>>;

  /** The risk register; writes refused with VERSION_CONFLICT carry the current risk (as JSON) in `current`. */
  listRisks(programId: string): Promise<Result<RiskRegister>>;
  getRisk(programId: string, riskId: string): Promise<Result<RiskDetail>>;
  raiseRisk(programId: string, body: RaiseRisk): Promise<Result<Risk>>;
  updateRisk(programId: string, riskId: string, body: UpdateRisk): Promise<Result<Risk>>;
  closeRisk(programId: string, riskId: string, body: EndRisk): Promise<Result<Risk>>;
  realizeRisk(programId: string, riskId: string, body: RealizeRisk): Promise<Result<RealizedRisk>>;
  /** Days in the program's time zone, both inclusive. */
  riskChanges(programId: string, query: { readonly since: string; readonly until: string }): Promise<Result<RiskChange[]>>;

  /** The decision log and the decision queue (cli/decision-backend.ts). */
  listDecisions: DecisionBackend['listDecisions'];
  getDecision: DecisionBackend['getDecision'];
  requestDecision: DecisionBackend['requestDecision'];
  editDecision: DecisionBackend['editDecision'];
  decideDecision: DecisionBackend['decideDecision'];
  supersedeDecision: DecisionBackend['supersedeDecision'];
  decisionQueue: DecisionBackend['decisionQueue'];

  /** Actions and the person's week (cli/action-backend.ts). */
  listActions: ActionBackend['listActions'];
  openAction: ActionBackend['openAction'];
  editAction: ActionBackend['editAction'];
  markActionDone: ActionBackend['markActionDone'];
  confirmAction: ActionBackend['confirmAction'];
  reopenAction: ActionBackend['reopenAction'];
  recordEffectiveness: ActionBackend['recordEffectiveness'];
  myWeek: ActionBackend['myWeek'];

  /** Dependencies between milestones and the move preview (cli/link-backend.ts). */
  listLinks: LinkBackend['listLinks'];
  addLink: LinkBackend['addLink'];
  removeLink: LinkBackend['removeLink'];
  previewMove: LinkBackend['previewMove'];

  /** The program's business calendar (cli/calendar-backend.ts). */
  getCalendar: CalendarBackend['getCalendar'];
  updateCalendar: CalendarBackend['updateCalendar'];
  uploadOfficialSchedule: CalendarBackend['uploadOfficialSchedule'];

  /** Plan vs actual, baselines, slips and the trend (cli/plan-backend.ts). */
  getPlan: PlanBackend['getPlan'];
  listBaselines: PlanBackend['listBaselines'];
  takeBaseline: PlanBackend['takeBaseline'];
  activateProgram: PlanBackend['activateProgram'];
  getSlips: PlanBackend['getSlips'];
  getMta: PlanBackend['getMta'];

  /** Workspace administration (admins). */
  listPeople(): Promise<Result<PersonJson[]>>;
  listClients(): Promise<Result<ClientJson[]>>;
  /** On the database the link is formed from `baseUrl`; a server forms it from its own address. */
  invitePerson(body: InviteBody, baseUrl: string | undefined): Promise<Result<InvitationJson>>;

  /** One's own personal API tokens. */
  listTokens(): Promise<Result<ApiTokenJson[]>>;
  createToken(body: { readonly name: string; readonly expiresInDays: number }): Promise<Result<CreatedTokenJson>>;
  revokeToken(tokenId: string): Promise<Result<true>>;

  close(): Promise<void>;
}
