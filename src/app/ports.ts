import type { FieldChange, Scalar } from '../domain/change.js';
import type { ClientId, MilestoneId, ProgramId, UserId } from '../domain/ids.js';
import type { Milestone } from '../domain/milestone.js';
import type { Program } from '../domain/program.js';

/** The only source of "now" for use cases; tests and the demo loader pass their own. */
export interface Clock {
  now(): Date;
}

export interface Client {
  readonly id: ClientId;
  readonly name: string;
  /** ISO 3166-1 alpha-2 */
  readonly country: string;
  readonly version: number;
}

export interface User {
  readonly id: UserId;
  readonly email: string;
  readonly name: string;
  readonly timeZone: string;
  readonly locale: string;
  readonly version: number;
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

export type EntityName = 'user' | 'client' | 'program' | 'milestone';

export interface ChangeQuery {
  /** Inclusive lower bound, an ISO instant. */
  readonly since?: string | undefined;
  /** Exclusive upper bound, an ISO instant. */
  readonly until?: string | undefined;
  readonly limit: number;
}

/** Reads, available both outside and inside a transaction. */
export interface Reads {
  listUsers(): Promise<User[]>;
  findUser(id: string): Promise<User | null>;
  findUserByEmail(email: string): Promise<User | null>;
  listClients(): Promise<Client[]>;
  findClient(id: string): Promise<Client | null>;
  countPrograms(): Promise<number>;
  listPrograms(): Promise<Program[]>;
  /** By id or by code. */
  findProgram(idOrCode: string): Promise<Program | null>;
  listMilestones(programId: ProgramId): Promise<Milestone[]>;
  listMilestonesOfPrograms(programIds: readonly ProgramId[]): Promise<Milestone[]>;
  /** By id or by key (M-12) within the program. */
  findMilestone(programId: ProgramId, idOrKey: string): Promise<Milestone | null>;
  listChanges(programId: ProgramId, q: ChangeQuery): Promise<ChangeRecord[]>;
}

/** Who did it, when, why, and which write it belongs to: stamped on every change row. */
export interface WriteMeta {
  readonly actorId: UserId;
  readonly at: string;
  readonly reason: string | null;
  readonly correlationId: string;
}

interface WriteBase {
  readonly entity: EntityName;
  readonly id: string;
  readonly programId: ProgramId | null;
  readonly entityKey: string | null;
  readonly changes: readonly FieldChange[];
  readonly meta: WriteMeta;
}

export interface InsertWrite extends WriteBase {
  readonly op: 'insert';
  readonly values: Readonly<Record<string, Scalar>>;
}

export interface UpdateWrite extends WriteBase {
  readonly op: 'update';
  readonly expectedVersion: number;
  readonly set: Readonly<Record<string, Scalar>>;
}

export type Write = InsertWrite | UpdateWrite;

export interface Tx extends Reads {
  /** Next human key of a kind within a program (M-1, M-2, …); never reused. */
  nextKey(programId: ProgramId, prefix: 'M'): Promise<string>;
  /**
   * The one write path: applies the row change and appends its change-log rows in this
   * transaction. An update whose expectedVersion is stale changes nothing and returns false.
   */
  write(w: Write): Promise<boolean>;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  readonly reads: Reads;
  /** Runs fn in one transaction; a throw rolls everything back. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type { MilestoneId };
