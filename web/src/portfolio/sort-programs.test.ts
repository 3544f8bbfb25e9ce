import { describe, expect, it } from 'vitest';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { plainDate } from '../../../src/domain/plain-date.js';
import { policy, programActions } from '../../../src/domain/policy.js';
import { countByHealth, sortByAttention } from './sort-programs.js';

const can = Object.fromEntries(programActions.map((a) => [a, policy[a].observer])) as ProgramSummary['can'];

/** A program as GET /programs lists it; only name and health matter here. */
function program(name: string, health: ProgramSummary['health'], healthReason: ProgramSummary['healthReason']): ProgramSummary {
  return {
    id: `p-${name}`,
    code: name.toUpperCase(),
    name,
    client: { id: 'c-1', name: 'Client', country: 'DE' },
    product: 'Kettle housing',
    supplier: { name: 'Supplier', city: 'Ningbo', country: 'CN', factoryId: 'f-1' },
    archivedAt: null,
    timeZone: 'Asia/Shanghai',
    status: 'active',
    currentPhase: 'G2',
    health,
    healthReason,
    healthMilestone: null,
    nextMilestone: null,
    owner: null,
    milestoneCount: 3,
    openDecisions: 0,
    highRisks: 0,
    blockers: 0,
    openEscalations: 0,
    overdueEscalations: 0,
    doneCount: 0,
    toleranceDays: 5,
    targetReleaseDate: null,
    myRoles: ['observer'],
    can,
    today: plainDate('2026-03-12'),
    todayIsWorkingDay: true,
    version: 1,
  };
}

const names = (ps: readonly ProgramSummary[]) => ps.map((p) => p.name);

describe('sortByAttention', () => {
  it('puts late programs first, then at risk, on track and done', () => {
    const sorted = sortByAttention([
      program('Done', 'done', { kind: 'done' }),
      program('On track', 'on_track', { kind: 'on_plan' }),
      program('Late', 'late', { kind: 'breach', days: 9, tolerance: 5 }),
      program('At risk', 'at_risk', { kind: 'slipped', days: 2 }),
    ]);
    expect(names(sorted)).toEqual(['Late', 'At risk', 'On track', 'Done']);
  });

  it('puts the biggest trouble first within a level: overdue before breaches, more days before fewer', () => {
    const sorted = sortByAttention([
      program('Breach 30', 'late', { kind: 'breach', days: 30, tolerance: 5 }),
      program('Overdue 1', 'late', { kind: 'overdue', days: 1 }),
      program('Breach 8', 'late', { kind: 'breach', days: 8, tolerance: 5 }),
      program('Overdue 4', 'late', { kind: 'overdue', days: 4 }),
    ]);
    expect(names(sorted)).toEqual(['Overdue 4', 'Overdue 1', 'Breach 30', 'Breach 8']);
  });

  it('weighs the days of every at-risk reason, not only slips', () => {
    const sorted = sortByAttention([
      program('Slipped 1', 'at_risk', { kind: 'slipped', days: 1 }),
      program('Blocked', 'at_risk', { kind: 'blocked', actionKey: 'A-1', overdue: false }),
      program('No slack 12', 'at_risk', { kind: 'no_slack', days: 12 }),
      program('Slipping 6', 'at_risk', { kind: 'slipping', moves: 2, days: 6 }),
    ]);
    expect(names(sorted)).toEqual(['No slack 12', 'Slipping 6', 'Slipped 1', 'Blocked']);
  });

  it('breaks ties by name, as people read it (not by character code)', () => {
    const sorted = sortByAttention([
      program('beta', 'on_track', { kind: 'on_plan' }),
      program('Gamma', 'on_track', { kind: 'on_plan' }),
      program('Alpha', 'on_track', { kind: 'on_plan' }),
      program('Éclair', 'on_track', { kind: 'on_plan' }),
    ]);
    expect(names(sorted)).toEqual(['Alpha', 'beta', 'Éclair', 'Gamma']);
  });

  it('returns a new list and leaves the given one as it was', () => {
    const given = [program('B', 'done', { kind: 'done' }), program('A', 'late', { kind: 'overdue', days: 3 })];
    const sorted = sortByAttention(given);
    expect(names(sorted)).toEqual(['A', 'B']);
    expect(names(given)).toEqual(['B', 'A']);
    expect(sorted).not.toBe(given);
  });

  it('sorts an empty list', () => {
    expect(sortByAttention([])).toEqual([]);
  });
});

describe('countByHealth', () => {
  it('counts each health level, in attention order, naming the levels with none', () => {
    const counts = countByHealth([
      program('A', 'on_track', { kind: 'on_plan' }),
      program('B', 'late', { kind: 'overdue', days: 2 }),
      program('C', 'on_track', { kind: 'on_plan' }),
    ]);
    expect(counts).toEqual([
      ['late', 1],
      ['at_risk', 0],
      ['on_track', 2],
      ['done', 0],
    ]);
  });

  it('counts nothing in an empty portfolio', () => {
    expect(countByHealth([])).toEqual([
      ['late', 0],
      ['at_risk', 0],
      ['on_track', 0],
      ['done', 0],
    ]);
  });
});
