import { checkTrigger, type TriggerKind, type TriggerSetting } from '../../domain/escalations/triggers.js';
import { ok, type Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { abort } from '../transact.js';
import { insertRecord, updateRecord } from '../write-record.js';
import { programWrite } from '../write-sequence.js';
import { columnsOf, settingsByProgram } from './trigger-settings.js';

/** A trigger as its program has it: the setting, whether it is the default (never set), and the version to send back. */
export interface TriggerView {
  readonly setting: TriggerSetting;
  readonly isDefault: boolean;
  /** 0 while the default holds. */
  readonly version: number;
}

export interface TriggersView {
  readonly programCode: string;
  readonly triggers: readonly TriggerView[];
}

/** Every trigger kind of a program, saved or default, in kind order: anyone who sees the program reads them. */
export async function listTriggers(
  deps: AppDeps,
  input: { readonly programId: string; readonly actor: Actor },
): Promise<Result<TriggersView>> {
  const found = await findAccessibleProgram(deps.store.reads, input.actor, input.programId);
  if (!found.ok) return found;
  const program = found.value.program;
  const rows = await deps.store.reads.listTriggers([program.id]);
  const settings = settingsByProgram([program.id], rows).get(program.id) ?? [];
  return ok({
    programCode: program.code,
    triggers: settings.map((setting) => {
      const row = rows.find((r) => r.kind === setting.kind);
      return { setting, isDefault: row === undefined, version: row?.version ?? 0 };
    }),
  });
}

export interface SetTriggerInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly setting: TriggerSetting;
  /** The version read (0: the default, never saved). */
  readonly version: number;
  readonly reason?: string | null | undefined;
}

/**
 * Sets one trigger kind of a program (the cadence owner: trigger.edit) at the version read, through the one
 * write path. A named owner must hold a role on the program. The first save inserts the program's row for
 * the kind (unique per program and kind: two first saves at once, one is refused as a conflict).
 */
export async function setTrigger(deps: AppDeps, input: SetTriggerInput): Promise<Result<TriggersView>> {
  const checked = checkTrigger(input.setting);
  if (!checked.ok) return checked;
  const setting = checked.value;
  const written = await programWrite(
    deps,
    { programId: input.programId, actor: input.actor, permission: 'trigger.edit', reason: input.reason },
    async (ctx) => {
      if (setting.owner.kind === 'person') {
        const ownerId = setting.owner.userId;
        const memberships = await ctx.tx.listMembershipsOn(ctx.program);
        const [user] = await ctx.tx.findUsers([ownerId]);
        if (!user || user.status === 'removed' || !memberships.some((m) => m.userId === ownerId))
          abort({
            code: 'USER_NOT_FOUND',
            message: `"${ownerId}" holds no role on ${ctx.program.code}.`,
            fields: [{ path: 'owner.userId', message: 'Not a person of this program.' }],
          });
      }
      const row = (await ctx.tx.listTriggers([ctx.program.id])).find((r) => r.kind === setting.kind);
      if ((row?.version ?? 0) !== input.version)
        abort({
          code: 'VERSION_CONFLICT',
          message: `The ${setting.kind} trigger of ${ctx.program.code} was changed by someone else; reload and retry.`,
        });
      const target = {
        entity: 'trigger' as const,
        programId: ctx.program.id,
        entityKey: `${ctx.program.code}/${setting.kind}`,
        meta: ctx.meta,
      };
      if (!row) await insertRecord(deps, ctx.tx, { ...target, id: deps.newId() }, { programId: ctx.program.id, ...columnsOf(setting) });
      else await updateRecord(deps, ctx.tx, { ...target, id: row.id }, row, columnsOf(setting));
    },
  );
  if (!written.ok) return written;
  return listTriggers(deps, input);
}

export type { TriggerKind };
