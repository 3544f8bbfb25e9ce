import type { UserId } from '../../domain/ids.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { Result } from '../../domain/result.js';
import { type RiskCategory, type RiskStrategy, raiseRisk as raise } from '../../domain/risk.js';
import type { Actor, AppDeps } from '../deps.js';
import { checkOwner } from '../milestone-write.js';
import { must } from '../transact.js';
import { programWrite } from '../write-sequence.js';
import { loadRiskView, type RiskView } from './risk-views.js';

export interface RaiseRiskInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly title: string;
  readonly description?: string | undefined;
  /** Required: a risk nobody watches is refused (OWNER_REQUIRED). A person holding a role on the program. */
  readonly ownerId?: string | null | undefined;
  readonly category: RiskCategory;
  readonly likelihood: number;
  readonly impact: number;
  readonly earlyWarning?: string | undefined;
  readonly strategy?: RiskStrategy | undefined;
  readonly mitigation?: string | undefined;
  readonly residualLikelihood?: number | null | undefined;
  readonly residualImpact?: number | null | undefined;
  readonly reviewDate?: PlainDate | null | undefined;
}

/** Raises a risk on a program under the next free key (R-n), owned by a person on the program. */
export function raiseRisk(deps: AppDeps, input: RaiseRiskInput): Promise<Result<RiskView>> {
  return programWrite(
    deps,
    { programId: input.programId, actor: input.actor, permission: 'risk.raise' },
    async ({ tx, program, meta }) => {
      await checkOwner(tx, program, input.ownerId);
      // A refusal below rolls the transaction back, the key counter with it: keys have no gaps.
      const key = await tx.nextKey(program.id, 'R');
      const { next, changes } = must(
        raise({
          id: deps.newId(),
          programId: program.id,
          key,
          title: input.title,
          description: input.description?.trim() ?? '',
          ownerId: (input.ownerId || null) as UserId | null,
          category: input.category,
          likelihood: input.likelihood,
          impact: input.impact,
          earlyWarning: input.earlyWarning?.trim() ?? '',
          strategy: input.strategy ?? 'mitigate',
          mitigation: input.mitigation?.trim() ?? '',
          residualLikelihood: input.residualLikelihood ?? null,
          residualImpact: input.residualImpact ?? null,
          reviewDate: input.reviewDate ?? null,
        }),
      );
      const { id, version: _v, ...values } = next;
      await tx.write({ op: 'insert', entity: 'risk', id, programId: program.id, entityKey: key, values, changes, meta });
      return next;
    },
    ({ program, value, now }) => loadRiskView(deps.store.reads, program, value, now, deps.store, deps.bareAnswers),
  );
}
