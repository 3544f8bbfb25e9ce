import type { Principal } from '../domain/roles.js';
import type { Clock, PasswordHasher, Store } from './ports.js';

export interface AppDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly passwords: PasswordHasher;
  /** Demo mode (TOLLGATE_DEMO, `serve --demo`, the demo loader): the published demo password may be chosen. */
  readonly demo?: boolean | undefined;
  /**
   * The caller ignores what writes answer beyond the saved record (the demo loader): milestone writes
   * then answer without the figures that would be read after commit (health signals, owner, blockers).
   */
  readonly bareAnswers?: boolean | undefined;
}

/** The person on whose behalf a use case runs, with their roles; the change log names them. */
export type Actor = Principal;
