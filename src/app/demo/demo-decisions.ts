import { addBusinessDays, mondayToFriday } from '../../domain/business-days.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { unwrap } from '../create-records.js';
import { decideDecision } from '../decisions/decide-decision.js';
import { requestDecision } from '../decisions/request-decision.js';
import { supersedeDecision } from '../decisions/supersede-decision.js';
import type { Actor, AppDeps } from '../deps.js';
import type { LinkRef } from '../links.js';
import { type DemoProgram, roleClients } from './demo-data.js';
import { demoMilestones } from './demo-milestones.js';
import type { AskedBy } from './demo-texts.js';
import { importLegacyDecision, legacyReason } from './legacy-records.js';

/**
 * A demo program's decision log, written through the use cases on the loader's clock: decided ones with
 * rationale and impact, open ones with due dates linked to milestones, and one superseded chain. The
 * client's decision owner (owner@demo.test) decides; on a program where they hold no role, its cadence owner.
 */
export async function loadDemoDecisions(
  d: AppDeps,
  clock: { set(day: PlainDate, hourUtc?: number): unknown },
  input: { readonly programId: string; readonly spec: DemoProgram; readonly people: ReadonlyMap<string, Actor>; readonly today: PlainDate },
): Promise<number> {
  const { spec, today, programId, people } = input;
  const day = (n: number) => addBusinessDays(mondayToFriday, today, n);
  const person = (key: string) => people.get(key) as Actor;
  const owner = person(spec.owner);
  const decider = (roleClients as readonly string[]).includes(spec.client) ? person('jonas') : owner;
  const asker: Record<AskedBy, Actor> = { owner, quality: person(spec.quality), contact: person(spec.contact) };

  const milestones = await demoMilestones(d, programId, owner);
  const open = milestones.filter((m) => m.actualDate === null);
  const about = (which: 'next' | 'critical' | undefined): LinkRef[] => {
    const m = which === 'critical' ? (open.find((x) => x.isCritical) ?? open[0]) : which === 'next' ? open[0] : undefined;
    return m ? [{ entity: 'milestone', id: m.id }] : [];
  };

  const chosen = spec.texts.decisions;
  for (const t of [...chosen].sort((a, b) => a.asked - b.asked)) {
    clock.set(day(t.asked), 2);
    if (t.due === null) {
      // Imported from the client's earlier tracking sheet, undated: the "needs an owner or date" view lists it.
      unwrap(
        await importLegacyDecision(d, { programId, actor: asker[t.by], reason: legacyReason, statement: t.statement, ownerId: decider.id }),
      );
      continue;
    }
    const asked = unwrap(
      await requestDecision(d, {
        programId,
        actor: asker[t.by],
        statement: t.statement,
        context: t.context,
        options: t.options.join('\n'),
        ownerId: decider.id,
        dueDate: day(t.due),
        links: about(t.about),
      }),
    ).decision;
    if (!t.decided) continue;
    clock.set(day(t.decided.on), 9);
    const { on: _on, ...verdict } = t.decided;
    const decided = unwrap(
      await decideDecision(d, { programId, decisionId: asked.id, version: asked.version, actor: decider, ...verdict }),
    );
    if (!t.superseded) continue;
    clock.set(day(t.superseded.on), 10);
    const { on: _later, ...change } = t.superseded;
    unwrap(await supersedeDecision(d, { programId, decisionId: asked.id, version: decided.decision.version, actor: decider, ...change }));
  }
  return chosen.length;
}
