import { randomInt } from 'node:crypto';
import type { PpapLevel, ProgramTemplate } from '../../domain/gates/template.js';
import { asClientId, type UserId } from '../../domain/ids.js';
import {
  defaultIntakeTemplateId,
  type IntakeContact,
  type IntakeLink,
  intakeCodeAlphabet,
  intakeLinkState,
  intakeProgramCode,
} from '../../domain/intake.js';
import type { Phase } from '../../domain/milestone.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { intakeGrant, permitIntake } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { Refusal, Result } from '../../domain/result.js';
import type { Principal } from '../../domain/roles.js';
import { hashSecret } from '../auth/secrets.js';
import type { Actor, AppDeps } from '../deps.js';
import { notify } from '../notifications/notify.js';
import type { Client, Reads, Store, Tx } from '../ports.js';
import { raiseRisk } from '../risks/raise-risk.js';
import { createProgram } from '../setup/programs.js';
import { templateForProgram } from '../templates/templates.js';
import { abort, attempt, must, transact } from '../transact.js';
import { insertRecord } from '../write-record.js';
import { intakePerson } from './intake-person.js';

/** What a client submits: what a cadence owner needs to start the program. */
export interface IntakeAnswers {
  readonly product: string;
  /** The program's name. */
  readonly name: string;
  readonly supplierName: string;
  readonly factoryCity: string;
  /** ISO 3166-1 alpha-2. */
  readonly factoryCountry: string;
  /** The factory's IANA time zone. */
  readonly timeZone: string;
  readonly targetReleaseDate: PlainDate | null;
  readonly currentPhase: Phase;
  readonly knownRisks: readonly string[];
  readonly contacts: readonly IntakeContact[];
  readonly templateId?: string | undefined;
  readonly ppapLevel?: number | null | undefined;
  readonly note: string;
}

/** Through a client's secret link (no account), or by a signed-in person for a client they hold a role on. */
export type IntakeVia = { readonly token: string } | { readonly actor: Actor; readonly clientId: string };

/** What the submitter is told: the reference (the draft's code) to quote to the cadence owner. */
export interface IntakeReceipt {
  readonly reference: string;
  readonly programId: string;
  readonly programName: string;
  readonly clientName: string;
  readonly submittedAt: string;
  /** Known risks raised on the draft as risks (none when the client has no cadence owner to own them). */
  readonly risksRaised: number;
}

/** Draft codes tried before giving up: each has 32⁴ (about a million) random parts, so a second is rare already. */
const codeAttempts = 5;

const linkGone = (): Refusal => ({ code: 'INTAKE_LINK_NOT_FOUND', message: 'This intake link is unknown, revoked or expired.' });

const randomPart = () => Array.from({ length: 4 }, () => intakeCodeAlphabet[randomInt(intakeCodeAlphabet.length)]).join('');

/** The link a secret opens, while it takes submissions, and its client while that takes programs. */
export async function openIntakeLink(tx: Pick<Tx, 'findIntakeLinkByHash' | 'findClient'>, token: string, now: Date) {
  const link = await tx.findIntakeLinkByHash(hashSecret(token));
  if (!link || intakeLinkState(link, now) !== 'open') return abort(linkGone());
  const client = await tx.findClient(link.clientId);
  if (!client || client.archivedAt !== null) return abort(linkGone());
  return { link, client };
}

/** The client a signed-in person submits for: one they hold a role on (admins: any), in use. */
export async function openIntakeClient(tx: Pick<Tx, 'findClient'>, actor: Actor, clientId: string): Promise<Client> {
  must(permitIntake(actor, asClientId(clientId)));
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

/** The template asked for, its PPAP level checked; a wrong one is a field of the form, not a missing resource. */
export function chosenTemplate(reads: Reads, answers: Pick<IntakeAnswers, 'templateId' | 'ppapLevel'>): Promise<Result<ProgramTemplate>> {
  return templateForProgram(
    reads,
    answers.templateId ?? defaultIntakeTemplateId,
    (answers.ppapLevel ?? undefined) as PpapLevel | undefined,
  );
}

interface Opened {
  readonly client: Client;
  readonly link: IntakeLink | null;
  /** Who the change log names: the signed-in person, or the intake person for a link. */
  readonly principal: Principal;
  readonly reason: string;
}

async function open(deps: AppDeps, tx: Tx, via: IntakeVia, answers: IntakeAnswers): Promise<Opened> {
  const first = answers.contacts[0]?.name;
  if ('token' in via) {
    const { link, client } = await openIntakeLink(tx, via.token, deps.clock.now());
    const person = await intakePerson(deps, tx);
    const principal = intakeGrant({ ...person, memberships: [] }, client.id);
    const reason = `Submitted through the intake link "${link.label}"${first ? ` by ${first}` : ''}.`;
    return { client, link, principal, reason };
  }
  const client = await openIntakeClient(tx, via.actor, via.clientId);
  return { client, link: null, principal: intakeGrant(via.actor, client.id), reason: 'Submitted through intake.' };
}

/** The client's cadence owners (client-wide roles), removed people left out. */
async function clientCadenceOwners(reads: Reads, clientId: string): Promise<UserId[]> {
  const memberships = await reads.listMembershipsOn({ id: '' as Program['id'], clientId: asClientId(clientId) });
  const ids = memberships.filter((m) => m.role === 'cadence_owner' && m.clientId === clientId).map((m) => m.userId);
  return (await reads.findUsers(ids)).filter((u) => u.status !== 'removed').map((u) => u.id);
}

/** Who owns the known risks: the link's maker when they run the client's cadence, else its first cadence owner by name. */
async function riskOwner(reads: Reads, clientId: string, link: IntakeLink | null): Promise<UserId | null> {
  const ids = await clientCadenceOwners(reads, clientId);
  return link && ids.includes(link.createdById) ? link.createdById : (ids[0] ?? null);
}

/** Runs a use case of the submission; its refusal rolls the whole submission back. */
const step = async <T>(r: Promise<Result<T>>): Promise<T> => must(await r);

/** The draft, under a code made from the product; a code taken meanwhile is tried again with another random part. */
async function draftProgram(deps: AppDeps, o: Opened, answers: IntakeAnswers, template: ProgramTemplate): Promise<Program> {
  for (let i = 0; i < codeAttempts; i++) {
    const r = await createProgram(deps, {
      actor: o.principal,
      code: intakeProgramCode(answers.product, randomPart()),
      name: answers.name,
      product: answers.product,
      clientId: o.client.id,
      supplierName: answers.supplierName,
      factoryCity: answers.factoryCity,
      factoryCountry: answers.factoryCountry,
      timeZone: answers.timeZone,
      status: 'draft',
      targetReleaseDate: answers.targetReleaseDate,
      templateId: template.id,
      ppapLevel: template.ppapLevel ?? undefined,
      reason: o.reason,
    });
    if (r.ok) return r.value;
    if (!(r.error.code === 'VALIDATION_FAILED' && r.error.fields?.some((f) => f.path === 'code'))) abort(r.error);
  }
  return abort({ code: 'ALREADY_EXISTS', message: 'No free program code was found for this product; send the form again.' });
}

/**
 * Submits a program through intake: in one transaction, a draft program for the client (from the chosen
 * template, at the named supplier's factory, found or added), the known risks raised on it (owned by a
 * cadence owner of the client, scored 3 × 3 until assessed), and the intake record of what else was told
 * (phase, risks, contacts, template, note). A link's submissions are written as the intake person (the
 * change log names someone for every write; see intake-person.ts), with the link named in the reason.
 */
export async function submitIntake(deps: AppDeps, input: { via: IntakeVia; answers: IntakeAnswers }): Promise<Result<IntakeReceipt>> {
  const { answers } = input;
  return attempt(() =>
    deps.store.batch(async (store: Store): Promise<IntakeReceipt> => {
      const d: AppDeps = { ...deps, store };
      const o = await step(transact(store, (tx) => open(d, tx, input.via, answers)));
      const template = must(await chosenTemplate(store.reads, answers));
      const program = await draftProgram(d, o, answers, template);
      const owner = await riskOwner(store.reads, o.client.id, o.link);
      let risksRaised = 0;
      if (owner !== null) {
        for (const title of answers.knownRisks) {
          await step(
            raiseRisk(d, {
              programId: program.id,
              actor: o.principal,
              title,
              description: `Named at intake (${program.code}). Category, likelihood and impact are placeholders until the cadence owner assesses it.`,
              ownerId: owner,
              category: 'supply',
              likelihood: 3,
              impact: 3,
            }),
          );
          risksRaised++;
        }
      }
      const submittedAt = await step(
        transact(store, async (tx) => {
          const at = d.clock.now().toISOString();
          await insertRecord(
            d,
            tx,
            {
              entity: 'intake_submission',
              id: d.newId(),
              programId: program.id,
              entityKey: program.code,
              actorId: o.principal.id,
              reason: o.reason,
            },
            {
              clientId: o.client.id,
              linkId: o.link?.id ?? null,
              programId: program.id,
              submittedById: o.principal.id,
              templateId: template.id,
              ppapLevel: template.ppapLevel,
              currentPhase: answers.currentPhase,
              knownRisks: answers.knownRisks,
              contacts: answers.contacts,
              note: answers.note,
            },
          );
          // The client's cadence owners learn of the draft in the submission's own transaction.
          await notify(d, tx, { actorId: o.principal.id, at }, [
            {
              kind: 'intake_submitted',
              programId: program.id,
              recipients: await clientCadenceOwners(tx, o.client.id),
              facts: { programCode: program.code, programName: program.name, clientName: o.client.name },
            },
          ]);
          return at;
        }),
      );
      return {
        reference: program.code,
        programId: program.id,
        programName: program.name,
        clientName: o.client.name,
        submittedAt,
        risksRaised,
      };
    }),
  );
}
