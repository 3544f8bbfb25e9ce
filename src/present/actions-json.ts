import type { ActionView } from '../app/actions/action-view.js';
import type { MyWeekView } from '../app/my-week.js';
import type { Action } from '../contract/action.js';
import type { MyWeek } from '../contract/my-week.js';
import type { WeekItem, WeekItemKind } from '../domain/my-week.js';
import { personRef } from './api-json.js';
import { escalationJson } from './escalations-json.js';

// Actions and "my week" as the API's JSON; shared by http/ and the CLI's --json.

export function actionJson(v: ActionView): Action {
  const a = v.action;
  return {
    id: a.id,
    programId: a.programId,
    programCode: v.program.code,
    key: a.key,
    title: a.title,
    description: a.description,
    owner: personRef(v.owner),
    dueDate: a.dueDate,
    originalDueDate: a.originalDueDate,
    severity: a.severity,
    blocks: v.blocks ? { id: v.blocks.id, key: v.blocks.key, name: v.blocks.name } : null,
    risk: v.risk ? { id: v.risk.id, key: v.risk.key, title: v.risk.title } : null,
    status: a.status,
    isOverdue: v.isOverdue,
    doneNote: a.doneNote,
    doneAt: a.doneAt,
    doneBy: personRef(v.doneBy),
    confirmedBy: personRef(v.confirmedBy),
    confirmedAt: a.confirmedAt,
    checkDate: a.checkDate,
    checkResult: a.checkResult,
    version: a.version,
  };
}

const asks = {
  decision: 'decide',
  action: 'do',
  confirmation: 'confirm',
  risk_review: 'review',
  milestone: 'deliver',
  checklist_item: 'evidence',
  evidence_review: 'accept',
} as const satisfies Record<WeekItemKind, MyWeek['decisions'][number]['ask']>;

export function myWeekJson(v: MyWeekView): MyWeek {
  const item = (i: WeekItem): MyWeek['decisions'][number] => ({
    kind: i.kind,
    programId: i.programId,
    programCode: i.programCode,
    programName: v.programs.get(i.programId)?.name ?? i.programCode,
    id: i.id,
    key: i.key,
    title: i.title,
    dueDate: i.dueDate,
    isOverdue: i.isOverdue,
    ask: asks[i.kind],
    flags: [...i.flags],
    ...(i.gateKey === undefined ? {} : { gateKey: i.gateKey }),
  });
  return {
    weekStart: v.week.start,
    weekEnd: v.week.end,
    decisions: v.decisions.map(item),
    actions: v.actions.map(item),
    confirmations: v.confirmations.map(item),
    risks: v.risks.map(item),
    milestones: v.milestones.map(item),
    checklistItems: v.checklistItems.map(item),
    reviews: v.reviews.map(item),
    gatesAtRisk: v.gatesAtRisk.map((g) => ({
      programId: g.programId,
      programCode: g.programCode,
      programName: v.programs.get(g.programId)?.name ?? g.programCode,
      gateId: g.gate.id,
      gateKey: g.gate.key,
      gateName: g.gate.name,
      plannedReviewDate: g.plannedReviewDate,
      businessDaysLeft: g.businessDaysLeft,
      items: g.items.map((i) => ({
        key: i.key,
        title: i.title,
        owner: personRef((i.ownerId && v.people.get(i.ownerId)) || null),
        dueDate: i.dueDate,
        reasons: [...i.reasons],
      })),
    })),
    escalations: v.escalations.map(escalationJson),
    updateRequests: v.updateRequests.map((q) => ({
      ...q,
      programName: v.programs.get(q.programId)?.name ?? q.programCode,
      items: q.items.map((i) => ({ ...i })),
    })),
    unavailable: v.unavailable.map(({ program }) => ({ programId: program.id, programCode: program.code, programName: program.name })),
  };
}
