import { asClientId } from '../../domain/ids.js';
import { type IntakeLink, type IntakeLinkState, intakeLimits, intakeLinkState } from '../../domain/intake.js';
import { permitProgramCreation } from '../../domain/policy.js';
import { ok, type Result } from '../../domain/result.js';
import { hashSecret, newSecret, plusMs } from '../auth/secrets.js';
import type { Actor, AppDeps } from '../deps.js';
import type { Client, IntakeLinkUse, Reads, Tx } from '../ports.js';
import { abort, must } from '../transact.js';
import { insertRecord, updateRecord } from '../write-record.js';
import { writeSequence } from '../write-sequence.js';

/** An intake link as its managers see it: never its secret. */
export interface IntakeLinkView extends IntakeLinkUse {
  readonly clientName: string;
  readonly createdByName: string;
  readonly state: IntakeLinkState;
}

/** A link just made, with its secret: answered once, stored only as a hash. */
export interface NewIntakeLink {
  readonly link: IntakeLinkView;
  readonly token: string;
}

/** Intake links' secrets start with this, so one found in a log or a chat is recognised. */
export const intakeTokenPrefix = 'tgk_';

const notFound = (id: string) => ({
  code: 'INTAKE_LINK_NOT_FOUND' as const,
  message: `No intake link "${id}", or not one you may manage.`,
});

/** Links with their client's and maker's names, and whether they still take submissions. */
async function viewsOf(reads: Reads, links: readonly IntakeLinkUse[], now: Date): Promise<IntakeLinkView[]> {
  const [clients, people] = await Promise.all([
    reads.findClients([...new Set(links.map((l) => l.clientId))]),
    reads.findUsers([...new Set(links.map((l) => l.createdById))]),
  ]);
  const clientName = new Map(clients.map((c) => [c.id as string, c.name]));
  const personName = new Map(people.map((p) => [p.id as string, p.name]));
  return links.map((l) => ({
    ...l,
    clientName: clientName.get(l.clientId) ?? '',
    createdByName: personName.get(l.createdById) ?? '',
    state: intakeLinkState(l, now),
  }));
}

async function viewOf(reads: Reads, link: IntakeLink, now: Date): Promise<IntakeLinkView> {
  const used = (await reads.listIntakeLinks([link.clientId])).find((l) => l.id === link.id);
  const [view] = await viewsOf(reads, [used ?? { ...link, submissions: 0, lastSubmittedAt: null }], now);
  return view as IntakeLinkView;
}

/** The client, when it exists and takes new programs (not archived). */
async function openClient(tx: Tx, clientId: string): Promise<Client> {
  const client = await tx.findClient(clientId);
  if (!client) return abort({ code: 'CLIENT_NOT_FOUND', message: `No client "${clientId}".` });
  if (client.archivedAt !== null)
    abort({
      code: 'VALIDATION_FAILED',
      message: `${client.name} is archived.`,
      fields: [{ path: 'clientId', message: 'The client is archived.' }],
    });
  return client;
}

export interface CreateIntakeLinkInput {
  readonly actor: Actor;
  readonly clientId: string;
  readonly label: string;
  /** Days until it stops taking submissions; absent: until revoked. */
  readonly expiresInDays?: number | undefined;
}

/**
 * Makes a secret link through which anyone who has it submits programs for the client, without an
 * account (workspace admins and the client's cadence owners, who may make its programs). The secret is
 * answered once and kept only as its SHA-256.
 */
export function createIntakeLink(deps: AppDeps, input: CreateIntakeLinkInput): Promise<Result<NewIntakeLink>> {
  const opening = {
    actorId: input.actor.id,
    open: async (tx: Tx) => {
      must(permitProgramCreation(input.actor, asClientId(input.clientId)));
      return { client: await openClient(tx, input.clientId) };
    },
  };
  return writeSequence(
    deps,
    opening,
    async ({ tx, meta, now, client }) => {
      const days = input.expiresInDays;
      if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > intakeLimits.linkDays))
        abort({
          code: 'VALIDATION_FAILED',
          message: `A link lasts 1 to ${intakeLimits.linkDays} days.`,
          fields: [{ path: 'expiresInDays', message: `1 to ${intakeLimits.linkDays} days.` }],
        });
      const token = newSecret(intakeTokenPrefix);
      const id = deps.newId();
      const values = {
        clientId: client.id,
        tokenHash: hashSecret(token),
        label: input.label.trim(),
        createdById: input.actor.id,
        expiresAt: days === undefined ? null : plusMs(now, days * 24 * 3600_000),
        revokedAt: null,
      };
      await insertRecord(
        deps,
        tx,
        { entity: 'intake_link', id, programId: null, entityKey: values.label, meta, secret: ['tokenHash'] },
        values,
      );
      const { tokenHash: _h, ...link } = values;
      return { token, link: { id, ...link, createdAt: now.toISOString(), version: 1 } };
    },
    async ({ value, now }) => ({ token: value.token, link: await viewOf(deps.store.reads, value.link, now) }),
  );
}

/**
 * The intake links the person manages, newest first: every client's for admins, else those of the
 * clients whose cadence they run; one client's when asked (refused when they may not manage it).
 */
export async function listIntakeLinks(
  deps: AppDeps,
  input: { actor: Actor; clientId?: string | undefined },
): Promise<Result<IntakeLinkView[]>> {
  const reads = deps.store.reads;
  const { actor } = input;
  let clientIds: string[] | null;
  if (input.clientId !== undefined) {
    const allowed = permitProgramCreation(actor, asClientId(input.clientId));
    if (!allowed.ok) return allowed;
    clientIds = [input.clientId];
  } else {
    clientIds = actor.isAdmin
      ? null
      : [...new Set(actor.memberships.filter((m) => m.role === 'cadence_owner' && m.clientId !== null).map((m) => m.clientId as string))];
  }
  return ok(await viewsOf(reads, await reads.listIntakeLinks(clientIds), deps.clock.now()));
}

/** Stops a link taking submissions, for good (its managers); revoking a revoked link changes nothing. */
export function revokeIntakeLink(
  deps: AppDeps,
  input: { actor: Actor; linkId: string; reason?: string | undefined },
): Promise<Result<IntakeLinkView>> {
  const opening = {
    actorId: input.actor.id,
    reason: input.reason,
    open: async (tx: Tx) => {
      const link = await tx.findIntakeLink(input.linkId);
      // A link of a client the person may not manage is not theirs to know of.
      if (!link || !permitProgramCreation(input.actor, link.clientId).ok) return abort(notFound(input.linkId));
      return { link };
    },
  };
  return writeSequence(
    deps,
    opening,
    async ({ tx, meta, now, link }) => {
      if (link.revokedAt !== null) return link;
      const revokedAt = now.toISOString();
      await updateRecord(
        deps,
        tx,
        { entity: 'intake_link', id: link.id, programId: null, entityKey: link.label, meta },
        { revokedAt: null, version: link.version },
        { revokedAt },
      );
      return { ...link, revokedAt, version: link.version + 1 };
    },
    ({ value, now }) => viewOf(deps.store.reads, value, now),
  );
}
