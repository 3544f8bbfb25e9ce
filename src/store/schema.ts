/** Row shapes as Kysely sees them (camelCase via CamelCasePlugin). They never leave store/. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  timeZone: string;
  locale: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ClientsTable {
  id: string;
  name: string;
  country: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ProgramsTable {
  id: string;
  code: string;
  name: string;
  clientId: string;
  supplierName: string;
  factoryCity: string;
  factoryCountry: string;
  timeZone: string;
  status: string;
  ownerId: string | null;
  toleranceDays: number;
  targetReleaseDate: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
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

export interface Database {
  users: UsersTable;
  clients: ClientsTable;
  programs: ProgramsTable;
  milestones: MilestonesTable;
  keyCounters: KeyCountersTable;
  changes: ChangesTable;
}
