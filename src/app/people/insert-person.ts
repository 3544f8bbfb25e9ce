import { asUserId, type UserId } from '../../domain/ids.js';
import { isTimeZone } from '../../domain/plain-date.js';
import type { AppDeps } from '../deps.js';
import type { Tx, User, UserStatus } from '../ports.js';
import { abort } from '../transact.js';
import { insertRecord, type Stamp } from '../write-record.js';

export interface NewPerson {
  readonly email: string;
  readonly name: string;
  readonly timeZone?: string | undefined;
  readonly locale?: string | undefined;
  readonly isAdmin?: boolean | undefined;
  readonly status: UserStatus;
  readonly passwordHash?: string | null | undefined;
  /** The new person's id, when the write's stamp already names them (the first admin). */
  readonly id?: UserId | undefined;
}

/** Adds a person inside a transaction, stamped `by` (null: by themselves); an email may hold one account only. */
export async function insertPerson(deps: AppDeps, tx: Tx, by: Stamp | null, p: NewPerson): Promise<User> {
  const email = p.email.trim().toLowerCase();
  const timeZone = p.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone))
    abort({
      code: 'VALIDATION_FAILED',
      message: `Unknown time zone "${timeZone}".`,
      fields: [{ path: 'timeZone', message: 'Not an IANA time zone.' }],
    });
  if (await tx.findUserByEmail(email)) {
    abort({
      code: 'VALIDATION_FAILED',
      message: `${email} already has an account.`,
      fields: [{ path: 'email', message: 'Already in use.' }],
    });
  }
  const id = p.id ?? asUserId(deps.newId());
  const user: User = {
    id,
    email,
    name: p.name.trim(),
    timeZone,
    locale: p.locale ?? 'en',
    isAdmin: p.isAdmin ?? false,
    status: p.status,
    hasLeadershipMail: false,
    version: 1,
  };
  const { id: _id, version: _v, hasLeadershipMail: _mail, ...values } = user;
  // The very first person records their own creation.
  await insertRecord(
    deps,
    tx,
    { entity: 'user', id, programId: null, secret: ['passwordHash'], ...(by ?? { actorId: id }) },
    { ...values, passwordHash: p.passwordHash ?? null },
  );
  return user;
}
