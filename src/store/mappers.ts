import type { ChangeRecord, Client, EntityName, User } from '../app/ports.js';
import type { ClientId, MilestoneId, ProgramId, UserId } from '../domain/ids.js';
import type { Milestone, Phase } from '../domain/milestone.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { Program, ProgramStatus } from '../domain/program.js';
import type { ChangesTable, ClientsTable, MilestonesTable, ProgramsTable, UsersTable } from './schema.js';

export const toUser = (r: UsersTable): User => ({
  id: r.id as UserId,
  email: r.email,
  name: r.name,
  timeZone: r.timeZone,
  locale: r.locale,
  version: Number(r.version),
});

export const toClient = (r: ClientsTable): Client => ({
  id: r.id as ClientId,
  name: r.name,
  country: r.country,
  version: Number(r.version),
});

export const toProgram = (r: ProgramsTable): Program => ({
  id: r.id as ProgramId,
  code: r.code,
  name: r.name,
  clientId: r.clientId as ClientId,
  supplierName: r.supplierName,
  factoryCity: r.factoryCity,
  factoryCountry: r.factoryCountry,
  timeZone: r.timeZone,
  status: r.status as ProgramStatus,
  ownerId: r.ownerId as UserId | null,
  toleranceDays: Number(r.toleranceDays),
  targetReleaseDate: r.targetReleaseDate as PlainDate | null,
  version: Number(r.version),
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
