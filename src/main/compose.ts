import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uuidv7 } from 'uuidv7';
import type { Actor, AppDeps } from '../app/deps.js';
import { ensureLocalUser } from '../app/ensure-local-user.js';
import type { Config } from '../config/config.js';
import { openStore } from '../store/open-store.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const packageVersion = (): string => (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

export const webDir = join(root, 'dist', 'web');
export const docsDir = join(root, 'docs');

export interface Composed {
  readonly deps: AppDeps;
  readonly location: string;
  readonly localActor: Actor;
  readonly migrated: string[];
  close(): Promise<void>;
}

/** Opens and migrates the configured database and wires the use cases' dependencies. */
export async function compose(config: Config): Promise<Composed> {
  const opened = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { applied } = await opened.migrate();
    const deps: AppDeps = { store: opened.store, clock: { now: () => new Date() }, newId: uuidv7 };
    const localActor = await ensureLocalUser(deps);
    return { deps, location: opened.location, localActor, migrated: applied, close: () => opened.store.close() };
  } catch (e) {
    await opened.store.close();
    throw e;
  }
}
