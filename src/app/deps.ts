import type { UserId } from '../domain/ids.js';
import type { Clock, Store } from './ports.js';

export interface AppDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly newId: () => string;
}

/** The person on whose behalf a use case runs; the change log names them. */
export interface Actor {
  readonly id: UserId;
  readonly name: string;
}
