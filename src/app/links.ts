import { diffFields } from '../domain/change.js';
import { type Link, type LinkableEntity, linkableEntities } from '../domain/link.js';
import type { AuthorizedProgramId } from '../domain/policy.js';
import type { AppDeps } from './deps.js';
import type { Reads } from './ports.js';
import { abort } from './transact.js';
import type { WriteContext } from './write-sequence.js';

/*
 * Generic links between records of one program (decision D-7 → milestone M-12, an action → a risk).
 * Any record links to any other through these helpers; a new kind of record (gates, escalations)
 * adds its entry to `linkableEntities` and to `finders` below, nothing else.
 */

/** A record asked to be linked to: its kind and its id or key (M-12, D-3, R-2, A-7). */
export interface LinkRef {
  readonly entity: LinkableEntity;
  readonly id: string;
}

/** A linked record as people see it: kind, id, key and what it is called. */
export interface LinkedRecord {
  readonly entity: LinkableEntity;
  readonly id: string;
  readonly key: string;
  readonly title: string;
}

/** The record links start from. */
export interface LinkSource {
  readonly entity: LinkableEntity;
  readonly id: string;
  readonly key: string;
}

type Finder = (reads: Reads, programId: AuthorizedProgramId, idOrKey: string) => Promise<LinkedRecord | null>;

/** How each kind of record is found by id or key within a program, and what it is called. */
const finders: Record<LinkableEntity, Finder> = {
  milestone: async (r, p, ref) => {
    const m = await r.findMilestone(p, ref);
    return m && { entity: 'milestone', id: m.id, key: m.key, title: m.name };
  },
  decision: async (r, p, ref) => {
    const d = await r.findDecision(p, ref);
    return d && { entity: 'decision', id: d.id, key: d.key, title: d.statement };
  },
  risk: async (r, p, ref) => {
    const x = await r.findRisk(p, ref);
    return x && { entity: 'risk', id: x.id, key: x.key, title: x.title };
  },
  action: async (r, p, ref) => {
    const a = await r.findAction(p, ref);
    return a && { entity: 'action', id: a.id, key: a.key, title: a.title };
  },
};

/** The kind a key names by its prefix (M-12 → milestone), for people who type keys only. */
export function entityOfKey(key: string): LinkableEntity | null {
  const prefix = /^([MDRA])-\d+$/i.exec(key.trim())?.[1]?.toUpperCase();
  return prefix === 'M' ? 'milestone' : prefix === 'D' ? 'decision' : prefix === 'R' ? 'risk' : prefix === 'A' ? 'action' : null;
}

const keyOf = (entity: string, id: string) => `${entity}:${id}`;

/**
 * The records the refs name, each found in the program (so never a record of another program), once
 * each; inside a transaction, a ref naming nothing aborts it with LINK_TARGET_NOT_FOUND naming the ref.
 */
export async function resolveLinks(
  reads: Reads,
  programId: AuthorizedProgramId,
  programCode: string,
  refs: readonly LinkRef[],
): Promise<LinkedRecord[]> {
  const out = new Map<string, LinkedRecord>();
  for (const [i, ref] of refs.entries()) {
    const found = await finders[ref.entity](reads, programId, ref.id.trim());
    if (!found) {
      return abort({
        code: 'LINK_TARGET_NOT_FOUND',
        message: `No ${ref.entity} "${ref.id}" in ${programCode} to link to.`,
        fields: [{ path: `links.${i}`, message: `No ${ref.entity} "${ref.id}" in ${programCode}.` }],
      });
    }
    out.set(keyOf(found.entity, found.id), found);
  }
  return [...out.values()];
}

/**
 * Links `from` to each target through the one write path, inside a write sequence: one `link` record
 * each, change-logged with the write's actor, instant and reason under a correlation id of its own
 * (one write, one record). Links that already exist and links of a record to itself are skipped.
 */
export async function addLinks(
  deps: AppDeps,
  ctx: Pick<WriteContext, 'tx' | 'metaForAnother'>,
  programId: AuthorizedProgramId,
  from: LinkSource,
  targets: readonly LinkedRecord[],
): Promise<void> {
  if (targets.length === 0) return;
  const { tx } = ctx;
  const existing = new Set(
    (await tx.listLinks(programId))
      .filter((l) => l.fromEntity === from.entity && l.fromId === from.id)
      .map((l) => keyOf(l.toEntity, l.toId)),
  );
  for (const to of targets) {
    if ((to.entity === from.entity && to.id === from.id) || existing.has(keyOf(to.entity, to.id))) continue;
    existing.add(keyOf(to.entity, to.id));
    const values = { programId, fromEntity: from.entity, fromId: from.id, toEntity: to.entity, toId: to.id };
    await tx.write({
      op: 'insert',
      entity: 'link',
      id: deps.newId(),
      programId,
      entityKey: `${from.key} → ${to.key}`,
      values,
      changes: diffFields(null, values, ['fromEntity', 'fromId', 'toEntity', 'toId']),
      meta: ctx.metaForAnother(),
    });
  }
}

/** The links of the records of some programs, both ways, with the linked records named. */
export interface LinkDirectory {
  /** What a record links to and what links to it, by kind then key. */
  linksOf(entity: LinkableEntity, id: string): LinkedRecord[];
}

const byKindThenKey = (a: LinkedRecord, b: LinkedRecord) =>
  linkableEntities.indexOf(a.entity) - linkableEntities.indexOf(b.entity) || a.key.localeCompare(b.key, 'en', { numeric: true });

/**
 * The links of some records of one kind (in any programs), with the records at the other end named:
 * reads only those links and those records, however large the programs are.
 */
export async function linkDirectoryOf(reads: Reads, entity: LinkableEntity, ids: readonly string[]): Promise<LinkDirectory> {
  const links = ids.length === 0 ? [] : await reads.listLinksTouching(entity, ids);
  const ends = links.flatMap((l) => [
    { entity: l.fromEntity, id: l.fromId },
    { entity: l.toEntity, id: l.toId },
  ]);
  const named = new Map((await reads.nameRecords(ends)).map((r) => [keyOf(r.entity, r.id), r]));
  return directory(links, named);
}

/** Loads the links of the programs and names the records at both ends (only the kinds that are linked). */
export async function linkDirectory(reads: Reads, programIds: readonly AuthorizedProgramId[]): Promise<LinkDirectory> {
  const links: Link[] = [];
  for (const id of programIds) links.push(...(await reads.listLinks(id)));
  const kinds = new Set(links.flatMap((l) => [l.fromEntity, l.toEntity]));
  const named = new Map<string, LinkedRecord>();
  const add = (r: LinkedRecord) => named.set(keyOf(r.entity, r.id), r);
  if (kinds.size > 0) {
    const [milestones, decisions, risks, actions] = await Promise.all([
      kinds.has('milestone') ? reads.listMilestonesOfPrograms(programIds) : [],
      kinds.has('decision') ? reads.listDecisions(programIds) : [],
      kinds.has('risk') ? reads.listRisks(programIds) : [],
      kinds.has('action') ? reads.listActions(programIds) : [],
    ]);
    for (const m of milestones) add({ entity: 'milestone', id: m.id, key: m.key, title: m.name });
    for (const d of decisions) add({ entity: 'decision', id: d.id, key: d.key, title: d.statement });
    for (const r of risks) add({ entity: 'risk', id: r.id, key: r.key, title: r.title });
    for (const a of actions) add({ entity: 'action', id: a.id, key: a.key, title: a.title });
  }
  return directory(links, named);
}

function directory(links: readonly Link[], named: ReadonlyMap<string, LinkedRecord>): LinkDirectory {
  const of = new Map<string, Map<string, LinkedRecord>>();
  const note = (at: string, other: LinkedRecord | undefined) => {
    if (!other) return;
    const list = of.get(at) ?? new Map<string, LinkedRecord>();
    list.set(keyOf(other.entity, other.id), other);
    of.set(at, list);
  };
  for (const l of links) {
    note(keyOf(l.fromEntity, l.fromId), named.get(keyOf(l.toEntity, l.toId)));
    note(keyOf(l.toEntity, l.toId), named.get(keyOf(l.fromEntity, l.fromId)));
  }
  return { linksOf: (entity, id) => [...(of.get(keyOf(entity, id))?.values() ?? [])].sort(byKindThenKey) };
}

/** What one record links to and what links to it. */
export async function describeLinks(
  reads: Reads,
  programId: AuthorizedProgramId,
  entity: LinkableEntity,
  id: string,
): Promise<LinkedRecord[]> {
  return (await linkDirectory(reads, [programId])).linksOf(entity, id);
}

/** The records a record links to (outgoing only), as refs, e.g. to carry them over to a replacement. */
export async function linkTargetsOf(reads: Reads, programId: AuthorizedProgramId, entity: LinkableEntity, id: string): Promise<LinkRef[]> {
  return (await reads.listLinks(programId))
    .filter((l) => l.fromEntity === entity && l.fromId === id)
    .map((l) => ({ entity: l.toEntity, id: l.toId }));
}
