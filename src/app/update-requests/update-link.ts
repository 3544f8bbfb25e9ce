import type { PlainDate } from '../../domain/plain-date.js';
import { type AuthorizedProgramId, systemAccess } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import { ok, type Refusal, type Result } from '../../domain/result.js';
import { linkState, type RequestItemKind, type RequestWhy, type UpdateRequest } from '../../domain/update-requests/update-request.js';
import { markActionDone } from '../actions/mark-action-done.js';
import { principalOf } from '../auth/principal.js';
import type { Actor, AppDeps } from '../deps.js';
import { addEvidence, type EvidenceFileInput } from '../gates/add-evidence.js';
import { moveMilestone } from '../move-milestone.js';
import type { Reads, User } from '../ports.js';
import { must } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { writeSequence } from '../write-sequence.js';
import { invalidUpdateLink, verifyUpdateLink } from './update-link-token.js';

// What a signed update link opens, for a person without an account: only the items of their request that are
// still theirs, and only these few changes, each made through the normal use case as that person (so the policy
// still decides and the change log names them). Every call checks the token against the request row again.

/** One item as the link's page shows it, as it is now. */
export interface LinkItemView {
  readonly kind: RequestItemKind;
  readonly id: string;
  readonly key: string;
  readonly title: string;
  readonly why: RequestWhy;
  readonly gateKey: string | null;
  /** A milestone's forecast, an action's due date, a risk's review date, a checklist item's due date. */
  readonly dueDate: PlainDate | null;
  /** A milestone's baseline date. */
  readonly baselineDate: PlainDate | null;
  /** done / open for a milestone; the status of an action or risk; the evidence state of a checklist item. */
  readonly status: string;
  readonly version: number;
  readonly isConfirmed: boolean;
  readonly canMove: boolean;
  readonly canMarkDone: boolean;
  readonly canAddEvidence: boolean;
}

export interface UpdateLinkView {
  readonly requestId: string;
  readonly week: string;
  readonly askedAt: string;
  readonly expiresAt: string;
  readonly person: { readonly name: string };
  readonly program: { readonly code: string; readonly name: string; readonly timeZone: string };
  readonly items: readonly LinkItemView[];
}

/** An open link: its request, program and person. */
interface OpenLink {
  readonly request: UpdateRequest;
  readonly program: Program;
  readonly programId: AuthorizedProgramId;
  readonly owner: User;
}

const refused = (error: Refusal): Result<never> => ({ ok: false, error });

/** The request a token opens at `now`, or why not: a token not signed by us, revoked, expired. */
async function openLink(reads: Reads, token: string, now: Date): Promise<Result<OpenLink>> {
  const requestId = verifyUpdateLink(await reads.mailLinkKey(), token);
  if (!requestId.ok) return requestId;
  const request = await reads.findUpdateRequest(requestId.value);
  if (!request || request.linkExpiresAt === null) return refused(invalidUpdateLink);
  const state = linkState(request, now);
  if (state === 'revoked')
    return refused({
      code: 'UPDATE_LINK_REVOKED',
      message: 'The program’s cadence owner withdrew this link; nothing was changed. Ask them for a new one.',
    });
  if (state === 'expired')
    return refused({
      code: 'UPDATE_LINK_EXPIRED',
      message: `This link expired on ${request.linkExpiresAt}; nothing was changed. Ask the program’s cadence owner for a new one.`,
    });
  const [program, owner] = await Promise.all([reads.findProgram(request.programId), reads.findUser(request.ownerId)]);
  if (!program || !owner || owner.status === 'removed') return refused(invalidUpdateLink);
  return ok({ request, program, programId: systemAccess(program).programId, owner });
}

/** The items of the request that are still the person's, as they are now. */
async function linkItems(reads: Reads, link: OpenLink): Promise<LinkItemView[]> {
  const { request, programId, owner } = link;
  const asked = new Map(request.items.map((i) => [i.id, i]));
  const [milestones, actions, risks, items, gates] = await Promise.all([
    reads.listMilestones(programId),
    reads.listActions([programId]),
    reads.listRisks([programId]),
    reads.listChecklistItems(programId),
    reads.listGates(programId),
  ]);
  const gateKey = new Map(gates.map((g) => [g.id, g.key]));
  const confirmed = new Set(request.confirmedItemIds);
  const out: LinkItemView[] = [];
  const base = (id: string) => {
    const a = asked.get(id);
    return a ? { why: a.why, isConfirmed: confirmed.has(id) } : null;
  };
  const none = { canMove: false, canMarkDone: false, canAddEvidence: false, baselineDate: null, gateKey: null };
  for (const m of milestones) {
    const b = base(m.id);
    if (!b || m.ownerId !== owner.id) continue;
    const isDone = m.actualDate !== null;
    out.push({
      ...none,
      ...b,
      kind: 'milestone',
      id: m.id,
      key: m.key,
      title: m.name,
      dueDate: m.forecastDate,
      baselineDate: m.baselineDate,
      status: isDone ? 'done' : 'open',
      version: m.version,
      canMove: !isDone,
    });
  }
  for (const a of actions) {
    const b = base(a.id);
    if (!b || a.ownerId !== owner.id) continue;
    out.push({
      ...none,
      ...b,
      kind: 'action',
      id: a.id,
      key: a.key,
      title: a.title,
      dueDate: a.dueDate,
      status: a.status,
      version: a.version,
      canMarkDone: a.status === 'open',
    });
  }
  for (const r of risks) {
    const b = base(r.id);
    if (!b || r.ownerId !== owner.id) continue;
    out.push({
      ...none,
      ...b,
      kind: 'risk',
      id: r.id,
      key: r.key,
      title: r.title,
      dueDate: r.reviewDate,
      status: r.status,
      version: r.version,
    });
  }
  for (const i of items) {
    const b = base(i.id);
    if (!b || i.ownerId !== owner.id) continue;
    out.push({
      ...none,
      ...b,
      kind: 'checklist_item',
      id: i.id,
      key: i.key,
      title: i.title,
      gateKey: gateKey.get(i.gateId) ?? null,
      dueDate: i.dueDate,
      status: i.state,
      version: i.version,
      canAddEvidence: i.state === 'open' || i.state === 'rejected',
    });
  }
  const order = new Map(request.items.map((i, n) => [i.id, n]));
  return out.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

async function linkView(reads: Reads, link: OpenLink): Promise<UpdateLinkView> {
  const { request, program, owner } = link;
  return {
    requestId: request.id,
    week: request.week,
    askedAt: request.askedAt,
    expiresAt: request.linkExpiresAt ?? '',
    person: { name: owner.name },
    program: { code: program.code, name: program.name, timeZone: program.timeZone },
    items: await linkItems(reads, link),
  };
}

/** What a signed link opens: the person's items of the request, as they are now. */
export async function openUpdateLink(deps: AppDeps, input: { readonly token: string }): Promise<Result<UpdateLinkView>> {
  const link = await openLink(deps.store.reads, input.token, deps.clock.now());
  if (!link.ok) return link;
  return ok(await linkView(deps.store.reads, link.value));
}

/** The person as the link lets them act: their roles on this program only, never an admin's. */
async function linkActor(reads: Reads, link: OpenLink): Promise<Actor> {
  const p = await principalOf(reads, link.owner);
  return {
    ...p,
    isAdmin: false,
    memberships: p.memberships.filter(
      (m) => m.programId === link.program.id || (m.programId === null && m.clientId === link.program.clientId),
    ),
  };
}

/** The link and the item it names, when the item is of its request and still the person's (else 404 alike). */
async function linkItem(deps: AppDeps, token: string, itemId: string, kind: RequestItemKind | null) {
  const link = await openLink(deps.store.reads, token, deps.clock.now());
  if (!link.ok) return link;
  const item = (await linkItems(deps.store.reads, link.value)).find((i) => i.id === itemId && (kind === null || i.kind === kind));
  if (!item)
    return refused({
      code: 'UPDATE_ITEM_NOT_FOUND',
      message: 'This item is not one the link asks you about, or it is no longer yours; nothing was changed.',
    });
  return ok({ link: link.value, item, actor: await linkActor(deps.store.reads, link.value) });
}

/** After a change through the link, the page as it is now. */
const reopened = async (deps: AppDeps, token: string, r: Result<unknown>): Promise<Result<UpdateLinkView>> =>
  r.ok ? openUpdateLink(deps, { token }) : refused(r.error);

/** Confirms an item as it stands (its date holds): recorded on the request, under the person's name. */
export async function confirmLinkItem(
  deps: AppDeps,
  input: { readonly token: string; readonly itemId: string },
): Promise<Result<UpdateLinkView>> {
  const found = await linkItem(deps, input.token, input.itemId, null);
  if (!found.ok) return found;
  const { link, item } = found.value;
  const r = await writeSequence(
    deps,
    {
      actorId: link.owner.id,
      reason: `Confirmed ${item.key} as it stands`,
      open: async (tx, now) => {
        await tx.lock(`program:${link.program.id}`);
        // Checked again in the transaction: a revocation that came first wins.
        return must(await openLink(tx, input.token, now));
      },
    },
    async ({ tx, request, programId, meta }) => {
      if (request.confirmedItemIds.includes(item.id)) return null;
      await updateRecord(deps, tx, { entity: 'update_request', id: request.id, programId, entityKey: request.week, meta }, request, {
        confirmedItemIds: [...request.confirmedItemIds, item.id],
      });
      return null;
    },
    () => null,
  );
  return reopened(deps, input.token, r);
}

/** Moves a milestone's forecast, with the reason required, as the person (milestone.move on their own). */
export async function moveLinkForecast(
  deps: AppDeps,
  input: {
    readonly token: string;
    readonly itemId: string;
    readonly forecastDate: PlainDate;
    readonly reason: string;
    readonly version: number;
  },
): Promise<Result<UpdateLinkView>> {
  const found = await linkItem(deps, input.token, input.itemId, 'milestone');
  if (!found.ok) return found;
  const { link, item, actor } = found.value;
  const r = await moveMilestone(deps, {
    programId: link.program.id,
    milestoneId: item.id,
    version: input.version,
    actor,
    forecastDate: input.forecastDate,
    reason: input.reason,
  });
  return reopened(deps, input.token, r);
}

/** Marks an action done with a note, as the person (action.done on their own). */
export async function markLinkActionDone(
  deps: AppDeps,
  input: { readonly token: string; readonly itemId: string; readonly note: string; readonly version: number },
): Promise<Result<UpdateLinkView>> {
  const found = await linkItem(deps, input.token, input.itemId, 'action');
  if (!found.ok) return found;
  const { link, item, actor } = found.value;
  const r = await markActionDone(deps, { programId: link.program.id, actionId: item.id, version: input.version, actor, note: input.note });
  return reopened(deps, input.token, r);
}

/** Attaches a file to a checklist item as evidence, as the person (the evidence upload's own checks hold). */
export async function addLinkEvidence(
  deps: AppDeps,
  input: {
    readonly token: string;
    readonly itemId: string;
    readonly file: Omit<EvidenceFileInput, 'kind'>;
    readonly reason?: string | undefined;
  },
): Promise<Result<UpdateLinkView>> {
  const found = await linkItem(deps, input.token, input.itemId, 'checklist_item');
  if (!found.ok) return found;
  const { link, item, actor } = found.value;
  if (item.gateKey === null) return refused({ code: 'UPDATE_ITEM_NOT_FOUND', message: 'This checklist item has no gate any more.' });
  const r = await addEvidence(deps, {
    programId: link.program.id,
    gateKey: item.gateKey,
    itemKey: item.id,
    actor,
    reason: input.reason,
    evidence: { kind: 'file', ...input.file },
  });
  return reopened(deps, input.token, r);
}
