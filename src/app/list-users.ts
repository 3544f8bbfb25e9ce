import type { AppDeps } from './deps.js';
import type { User } from './ports.js';

/** Everyone who can own an item. */
export const listUsers = (deps: AppDeps): Promise<User[]> => deps.store.reads.listUsers();
