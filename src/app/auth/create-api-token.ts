import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { ApiTokenRecord } from '../ports.js';
import { abort, transact } from '../transact.js';
import { insertRecord } from '../write-record.js';
import { hashSecret, newSecret } from './secrets.js';

export const maxTokenDays = 366;

export interface CreateApiTokenInput {
  readonly actor: Actor;
  readonly name: string;
  readonly expiresInDays: number;
}

/** A personal API token for scripts: acts as its owner, shown once, stored only as a hash. */
export function createApiToken(deps: AppDeps, input: CreateApiTokenInput): Promise<Result<{ token: string; record: ApiTokenRecord }>> {
  return transact(deps.store, async (tx) => {
    if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > maxTokenDays) {
      abort({
        code: 'VALIDATION_FAILED',
        message: `A token lives 1 to ${maxTokenDays} days.`,
        fields: [{ path: 'expiresInDays', message: `1 to ${maxTokenDays}.` }],
      });
    }
    const token = newSecret('tgt_');
    const now = deps.clock.now();
    const id = deps.newId();
    const record: ApiTokenRecord = {
      id,
      userId: input.actor.id,
      name: input.name.trim(),
      prefix: token.slice(0, 10),
      expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
      revokedAt: null,
      lastUsedAt: null,
      createdAt: now.toISOString(),
      version: 1,
    };
    const { id: _i, version: _v, createdAt: _c, ...values } = record;
    await insertRecord(
      deps,
      tx,
      { entity: 'api_token', id, programId: null, actorId: input.actor.id, secret: ['tokenHash'] },
      { ...values, tokenHash: hashSecret(token) },
    );
    return { token, record };
  });
}
