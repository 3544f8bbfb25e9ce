import type { Refusal, Result } from '../domain/result.js';
import { type Store, type Tx, UniqueViolation } from './ports.js';

/** Thrown inside a transaction to roll it back with a user-facing refusal. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

export const abort = (refusal: Refusal): never => {
  throw new Refused(refusal);
};

/** Unwraps a domain result inside a transaction, rolling back on refusal. */
export const must = <T>(r: Result<T>): T => (r.ok ? r.value : abort(r.error));

// What a unique constraint means to the person whose write lost the race, by table.
const uniqueRefusals: Readonly<Record<string, Refusal>> = {
  milestone_links: { code: 'LINK_EXISTS', message: 'These two milestones were just linked by someone else; reload to see the link.' },
  users: { code: 'ALREADY_EXISTS', message: 'A person with this email already exists.' },
  escalation_triggers: {
    code: 'VERSION_CONFLICT',
    message: 'Someone else set this trigger at the same moment; nothing was changed. Reload and retry.',
  },
  report_drafts: {
    code: 'VERSION_CONFLICT',
    message: 'Someone else wrote this narrative at the same moment; nothing was changed. Reload and retry.',
  },
  issued_reports: {
    code: 'VERSION_CONFLICT',
    message: 'Someone else issued this week at the same moment; nothing was changed. Reload to see that revision.',
  },
  meeting_outcomes: {
    code: 'ALREADY_EXISTS',
    message: 'This record is already in the minutes of a cadence meeting; nothing was changed. Reload to see it.',
  },
  workspace_templates: {
    code: 'TEMPLATE_EXISTS',
    message: 'Someone else made a template with this id at the same moment; nothing was changed. Choose another id.',
  },
};

/** Runs read-only checks that may `abort` (as a write's opening does) and returns the refusal, not throws it. */
export async function attempt<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: e.refusal };
    throw e;
  }
}

/** Runs fn in one transaction; a refusal rolls back every write and is returned, not thrown. */
export async function transact<T>(store: Store, fn: (tx: Tx) => Promise<T>): Promise<Result<T>> {
  try {
    return await attempt(() => store.transaction(fn));
  } catch (e) {
    // Two writes that created the same thing at once: the database refused the second, nothing was changed.
    if (e instanceof UniqueViolation) {
      return {
        ok: false,
        error: uniqueRefusals[e.table] ?? {
          code: 'ALREADY_EXISTS',
          message: 'Someone else created the same record at the same moment; nothing was changed. Reload and retry.',
        },
      };
    }
    throw e;
  }
}
