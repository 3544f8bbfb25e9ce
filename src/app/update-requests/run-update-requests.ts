import { updateRequestRuleOf } from '../../domain/charter.js';
import { isGatePassed } from '../../domain/gates/gate-status.js';
import { asUserId, type UserId } from '../../domain/ids.js';
import { renderUpdateRequestMail } from '../../domain/mail/update-request-mail.js';
import { type AuthorizedProgramId, systemAccess } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { ReportWeek } from '../../domain/report/iso-week.js';
import { isRiskOpen } from '../../domain/risk.js';
import {
  linkExpiryOf,
  type OpenItem,
  type RequestItem,
  requestItemsByOwner,
  requestWeekDue,
} from '../../domain/update-requests/update-request.js';
import type { AppDeps } from '../deps.js';
import { notify } from '../notifications/notify.js';
import { insertPerson } from '../people/insert-person.js';
import type { NewMail, StoredCharter, Tx, User, WriteMeta } from '../ports.js';
import { programCalendar, programToday } from '../views.js';
import { insertOf } from '../write-record.js';
import { signUpdateLink } from './update-link-token.js';

/** What one run did. */
export interface UpdateRequestRun {
  /** Active programs whose request day it is and that had not asked yet this week. */
  readonly programs: number;
  /** Update requests recorded (one per owner). */
  readonly requests: number;
  /** Of those, sent a signed link (people without an account). */
  readonly links: number;
}

/** Tollgate asks as itself: changes.actor_id names this reserved person, who never signs in (as the triggers' actors). */
export const requestActorId: UserId = asUserId('system:update-requests');

/** The page a signed link opens, outside the signed-in app (web/src/update-link/). */
export const updateLinkPath = (token: string): string => `/update/${encodeURIComponent(token)}`;

/** Tollgate's actor for update requests, made on first use (as the triggers' actors). */
export async function ensureRequestActor(deps: AppDeps, tx: Tx): Promise<void> {
  if ((await tx.findUsers([requestActorId])).length > 0) return;
  await tx.lock('system-actors');
  if ((await tx.findUsers([requestActorId])).length > 0) return;
  await insertPerson(deps, tx, null, {
    id: requestActorId,
    email: 'update-requests@tollgate.invalid',
    name: 'Tollgate (update requests)',
    status: 'removed',
  });
}

/** The program's open items with an owner, each with the instant it last changed: what a request may name. */
async function openItems(tx: Tx, programId: AuthorizedProgramId): Promise<OpenItem[]> {
  const [milestones, actions, risks, gates, items] = await Promise.all([
    tx.listOpenMilestonesOfPrograms([programId]),
    tx.listActions([programId]),
    tx.listRisks([programId]),
    tx.listGates(programId),
    tx.listChecklistItems(programId),
  ]);
  const gateOf = new Map(gates.map((g) => [g.id, g]));
  const base: Omit<OpenItem, 'lastChangedAt'>[] = [
    ...milestones.map((m) => ({
      kind: 'milestone' as const,
      id: m.id,
      key: m.key,
      title: m.name,
      ownerId: m.ownerId,
      dueDate: m.forecastDate,
      gateKey: null,
    })),
    ...actions
      .filter((a) => a.status === 'open')
      .map((a) => ({
        kind: 'action' as const,
        id: a.id,
        key: a.key,
        title: a.title,
        ownerId: a.ownerId,
        dueDate: a.dueDate,
        gateKey: null,
      })),
    ...risks.filter(isRiskOpen).map((r) => ({
      kind: 'risk' as const,
      id: r.id,
      key: r.key,
      title: r.title,
      ownerId: r.ownerId,
      dueDate: r.reviewDate,
      gateKey: null,
    })),
    ...items
      .filter((i) => (i.state === 'open' || i.state === 'rejected') && !isGatePassed(gateOf.get(i.gateId)?.status ?? 'not_started'))
      .map((i) => ({
        kind: 'checklist_item' as const,
        id: i.id,
        key: i.key,
        title: i.title,
        ownerId: i.ownerId,
        dueDate: i.dueDate,
        gateKey: gateOf.get(i.gateId)?.key ?? null,
        // A gate not started yet: its items wait for their date.
        isDormant: gateOf.get(i.gateId)?.status === 'not_started',
      })),
  ].filter((i) => i.ownerId !== null);
  const last = await tx.lastChangedAt(
    programId,
    base.map((i) => i.id),
  );
  return base.map((i) => ({ ...i, lastChangedAt: last.get(i.id) ?? null }));
}

/**
 * Asks one program's owners for one report week, once: under the program's lock, nothing is done when the week's
 * requests exist already (another instance, an earlier slot). Each owner's request is recorded through the one
 * write path under Tollgate's actor; people who sign in get a notice (and its e-mail as their settings say), people
 * without an account an e-mail with a signed link to their items.
 */
async function askProgram(
  deps: AppDeps,
  tx: Tx,
  program: Program,
  week: ReportWeek,
  charter: StoredCharter,
  now: Date,
): Promise<{ requests: number; links: number }> {
  const programId = systemAccess(program).programId;
  await tx.lock(`program:${program.id}`);
  if ((await tx.listUpdateRequests(programId, week.label)).length > 0) return { requests: 0, links: 0 };
  const askedAt = now.toISOString();
  const byOwner = requestItemsByOwner(
    await openItems(tx, programId),
    programToday(program, now),
    askedAt,
    updateRequestRuleOf(charter.charter).untouchedDays,
  );
  if (byOwner.size === 0) return { requests: 0, links: 0 };
  const owners = new Map<string, User>((await tx.findUsers([...byOwner.keys()])).map((u) => [u.id, u]));
  const key = deps.mail ? await tx.mailLinkKey() : null;
  const mails: NewMail[] = [];
  let requests = 0;
  for (const [ownerId, items] of byOwner) {
    const owner = owners.get(ownerId);
    // Someone removed is asked nothing; invited people (no sign-in yet) get the link.
    if (!owner || owner.status === 'removed') continue;
    const id = deps.newId();
    const linkExpiresAt = owner.status === 'active' ? null : linkExpiryOf(askedAt);
    const meta: WriteMeta = {
      actorId: requestActorId,
      at: askedAt,
      reason: `Update requests before the ${week.label} weekly report`,
      correlationId: deps.newId(),
    };
    const values = {
      programId,
      week: week.label,
      ownerId: owner.id,
      askedAt,
      items: items as readonly RequestItem[],
      linkExpiresAt,
      revokedAt: null,
      revokedById: null,
      confirmedItemIds: [],
    };
    await tx.write(insertOf({ entity: 'update_request', id, programId, entityKey: week.label, meta }, values));
    requests++;
    if (linkExpiresAt === null) {
      await notify(deps, tx, { actorId: null, at: askedAt }, [
        {
          kind: 'update_requested',
          programId,
          recipients: [owner.id],
          dedupeKey: `update-request:${program.id}:${week.label}`,
          facts: { programCode: program.code, week: week.label, items: items.map((i) => ({ key: i.key, title: i.title })), moreItems: 0 },
        },
      ]);
    } else if (deps.mail && key) {
      const link = `${deps.mail.publicUrl}${updateLinkPath(signUpdateLink(key, id))}`;
      const rendered = renderUpdateRequestMail({
        personName: owner.name,
        programCode: program.code,
        programName: program.name,
        week: week.label,
        items,
        link,
        linkExpiresAt,
        timeZone: owner.timeZone,
      });
      mails.push({
        id: deps.newId(),
        recipientId: owner.id,
        to: owner.email,
        kind: 'update_request',
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        unsubscribeUrl: null,
        dedupeKey: `update-request:${id}`,
        at: askedAt,
      });
    }
  }
  if (mails.length > 0) await tx.enqueueMails(mails);
  return { requests, links: mails.length };
}

/**
 * The update request run over every active program at the clock's now: where the charter's request day for a
 * report week has come (its report not yet due), each owner of an item due, overdue or untouched is asked once
 * for that week. One transaction per program under its lock, so runs on several instances ask once.
 */
export async function runUpdateRequests(deps: AppDeps): Promise<UpdateRequestRun> {
  const now = deps.clock.now();
  await deps.store.transaction((tx) => ensureRequestActor(deps, tx));
  const reads = deps.store.reads;
  const programs = (await reads.listPrograms()).filter((p) => p.status === 'active' && p.archivedAt === null);
  const charters = new Map(
    (await reads.listCharters(programs.map((p) => systemAccess(p).programId))).map((c) => [c.programId, c] as const),
  );
  const due: { program: Program; charter: StoredCharter; week: ReportWeek }[] = [];
  for (const program of programs) {
    const charter = charters.get(program.id);
    if (!charter) continue;
    const w = charter.charter.weeklyReport;
    const week = requestWeekDue(
      { weekday: w.weekday, time: w.time, rule: updateRequestRuleOf(charter.charter) },
      programToday(program, now),
      now,
      program.timeZone,
      programCalendar(program),
    );
    if (week) due.push({ program, charter, week });
  }
  // Programs asked already in an earlier slot are left at once (the transaction checks again under the lock).
  const asked = new Set(
    (
      await reads.listAskedWeeks(
        due.map((d) => d.program.id),
        due.map((d) => d.week.label),
      )
    ).map((a) => `${a.programId} ${a.week}`),
  );
  const report = { programs: 0, requests: 0, links: 0 };
  for (const { program, charter, week } of due) {
    if (asked.has(`${program.id} ${week.label}`)) continue;
    const done = await deps.store.transaction((tx) => askProgram(deps, tx, program, week, charter, now));
    if (done.requests > 0) report.programs++;
    report.requests += done.requests;
    report.links += done.links;
  }
  return report;
}
