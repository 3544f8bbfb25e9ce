import { describe, expect, it } from 'vitest';
import { type Charter, charterGaps, charterValueProblems, checkCharterForActivation, emptyCharter } from './charter.js';
import type { UserId } from './ids.js';

const u = (s: string) => s as UserId;
const [wei, fang, olsen, outsider] = [u('u-wei'), u('u-fang'), u('u-olsen'), u('u-outsider')];
const people = new Set([wei, fang, olsen]);
const gates = ['G1', 'G2', 'G3', 'G4'];

const complete: Charter = {
  decisionOwnerId: olsen,
  escalationPath: [wei, olsen],
  successDefinitions: {
    G1: 'Golden sample signed, tools make good parts.',
    G2: 'Pilot of 200 at ≤ 1.5 % defects.',
    G3: 'Yield ≥ 97 % for four weeks.',
    G4: 'First shipment released on time.',
  },
  weeklyReport: { weekday: 5, time: '16:00', recipientIds: [olsen], recipientEmails: ['buyer@client.example'], autoIssue: false },
  leadershipReview: { scoreAtLeast: 15, unresolvedDays: 10 },
};

const paths = (ps: readonly { path: string }[]) => ps.map((p) => p.path);

describe('the kickoff charter', () => {
  it('lets a complete charter activate the program', () => {
    expect(charterValueProblems(complete, gates, people)).toEqual([]);
    expect(charterGaps(complete, gates)).toEqual([]);
    expect(checkCharterForActivation(complete, gates)).toEqual({ ok: true, value: true });
  });

  it('refuses activation without a charter, naming everything missing', () => {
    const r = checkCharterForActivation(null, gates);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CHARTER_INCOMPLETE');
    expect(paths(r.error.fields ?? [])).toEqual([
      'decisionOwnerId',
      'escalationPath',
      'successDefinitions.G1',
      'successDefinitions.G2',
      'successDefinitions.G3',
      'successDefinitions.G4',
      'weeklyReport.weekday',
      'weeklyReport.time',
      'weeklyReport.recipients',
      'leadershipReview.scoreAtLeast',
      'leadershipReview.unresolvedDays',
    ]);
    expect(charterGaps(emptyCharter, gates)).toEqual(charterGaps(null, gates));
  });

  it('names one gap at a time: a blank success definition, no recipients at all, no decision owner', () => {
    expect(paths(charterGaps({ ...complete, successDefinitions: { ...complete.successDefinitions, G3: '  ' } }, gates))).toEqual([
      'successDefinitions.G3',
    ]);
    expect(
      paths(charterGaps({ ...complete, weeklyReport: { ...complete.weeklyReport, recipientIds: [], recipientEmails: [] } }, gates)),
    ).toEqual(['weeklyReport.recipients']);
    expect(paths(charterGaps({ ...complete, decisionOwnerId: null }, gates))).toEqual(['decisionOwnerId']);
    // Addresses alone are recipients enough.
    expect(charterGaps({ ...complete, weeklyReport: { ...complete.weeklyReport, recipientIds: [] } }, gates)).toEqual([]);
  });

  it('refuses wrong values whether or not the charter is complete', () => {
    const wrong: Charter = {
      decisionOwnerId: outsider,
      escalationPath: [wei, wei, fang, olsen, u('u-a'), u('u-b')],
      successDefinitions: { G9: 'No such gate.', G1: 'x'.repeat(5001) },
      weeklyReport: {
        weekday: 8,
        time: '24:00',
        recipientIds: [olsen, olsen],
        recipientEmails: ['not an address', 'a@b.example', 'A@b.example'],
        autoIssue: false,
      },
      leadershipReview: { scoreAtLeast: 26, unresolvedDays: 0 },
    };
    expect(paths(charterValueProblems(wrong, gates, people))).toEqual([
      'decisionOwnerId',
      'escalationPath',
      'escalationPath[1]',
      'escalationPath[4]',
      'escalationPath[5]',
      'successDefinitions.G9',
      'successDefinitions.G1',
      'weeklyReport.weekday',
      'weeklyReport.time',
      'weeklyReport.recipientIds',
      'weeklyReport.recipientEmails[0]',
      'weeklyReport.recipientEmails',
      'leadershipReview.scoreAtLeast',
      'leadershipReview.unresolvedDays',
    ]);
  });

  it('lets Tollgate issue the report itself only once the day and time are chosen', () => {
    const auto = (weekday: number | null, time: string | null) => ({
      ...complete,
      weeklyReport: { ...complete.weeklyReport, weekday, time, autoIssue: true },
    });
    expect(paths(charterValueProblems(auto(null, '16:00'), gates, people))).toEqual(['weeklyReport.autoIssue']);
    expect(paths(charterValueProblems(auto(5, null), gates, people))).toEqual(['weeklyReport.autoIssue']);
    expect(charterValueProblems(auto(5, '16:00'), gates, people)).toEqual([]);
  });

  it('accepts the edges of every range: Monday and Sunday, 00:00 and 23:59, scores 1 and 25, 1 and 120 days, five levels', () => {
    for (const [weekday, time, scoreAtLeast, unresolvedDays] of [
      [1, '00:00', 1, 1],
      [7, '23:59', 25, 120],
    ] as const) {
      const c: Charter = {
        ...complete,
        escalationPath: [wei, fang, olsen, u('u-a'), u('u-b')],
        weeklyReport: { ...complete.weeklyReport, weekday, time },
        leadershipReview: { scoreAtLeast, unresolvedDays },
      };
      expect(paths(charterValueProblems(c, gates, new Set([...people, u('u-a'), u('u-b')])))).toEqual([]);
    }
  });
});
