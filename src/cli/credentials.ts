import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config/config.js';

// What `tollgate login` keeps: the server and a personal API token for it, readable by its owner only.

const CredentialsSchema = z.object({
  server: z.url({ protocol: /^https?$/ }),
  token: z.string().min(1),
  email: z.string(),
  /** The token's id, so `tollgate logout` can revoke it. */
  tokenId: z.string().min(1).optional(),
});
export type Credentials = z.infer<typeof CredentialsSchema>;

export const credentialsPath = (configDir: string): string => join(configDir, 'credentials.json');

/** The stored credentials, or null when nobody has signed in with `tollgate login`. */
export function readCredentials(configDir: string): Credentials | null {
  const path = credentialsPath(configDir);
  if (!existsSync(path)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    parsed = undefined;
  }
  const r = CredentialsSchema.safeParse(parsed);
  if (!r.success) throw new ConfigError(`${path} is not a credentials file written by \`tollgate login\`: delete it and sign in again.`);
  return r.data;
}

/** Stores the credentials (directory 0700, file 0600), replacing any before them in one step. */
export function writeCredentials(configDir: string, c: Credentials): string {
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
  const path = credentialsPath(configDir);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
  // The mode given to writeFileSync is masked by the umask; the token must not be readable by others.
  chmodSync(temp, 0o600);
  renameSync(temp, path);
  return path;
}

/** Deletes the stored credentials; false when there were none. */
export function deleteCredentials(configDir: string): boolean {
  const path = credentialsPath(configDir);
  if (!existsSync(path)) return false;
  rmSync(path);
  return true;
}

/** A server address as stored and compared: no trailing slash. */
export const normalizeServer = (url: string): string => url.trim().replace(/\/+$/, '');
