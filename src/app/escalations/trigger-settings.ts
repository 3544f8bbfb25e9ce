import { effectiveTriggers, type TriggerSetting } from '../../domain/escalations/triggers.js';
import type { Columns, TriggerRecord } from '../ports.js';

/** A stored row as the domain's setting. */
export const settingOf = (r: TriggerRecord): TriggerSetting => ({
  kind: r.kind,
  isEnabled: r.isEnabled,
  threshold: r.threshold,
  severity: r.severity,
  owner: r.ownerUserId !== null ? { kind: 'person', userId: r.ownerUserId } : { kind: 'role', role: r.ownerRole ?? 'cadence_owner' },
  window: { unit: r.windowUnit, amount: r.windowAmount },
  climbs: r.climbs,
});

/** A setting's columns. */
export const columnsOf = (s: TriggerSetting): Omit<Columns['trigger'], 'programId'> => ({
  kind: s.kind,
  isEnabled: s.isEnabled,
  threshold: s.threshold,
  severity: s.severity,
  ownerUserId: s.owner.kind === 'person' ? s.owner.userId : null,
  ownerRole: s.owner.kind === 'role' ? s.owner.role : null,
  windowUnit: s.window.unit,
  windowAmount: s.window.amount,
  climbs: s.climbs,
});

/** Every program's effective settings (saved ones over the defaults), by program id. */
export function settingsByProgram(programIds: readonly string[], rows: readonly TriggerRecord[]): Map<string, TriggerSetting[]> {
  const saved = new Map<string, TriggerRecord[]>();
  for (const r of rows) saved.set(r.programId, [...(saved.get(r.programId) ?? []), r]);
  return new Map(programIds.map((id) => [id, effectiveTriggers((saved.get(id) ?? []).map(settingOf))]));
}
