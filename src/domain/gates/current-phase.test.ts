import { describe, expect, it } from 'vitest';
import { currentPhase } from './current-phase.js';
import type { GateStatus } from './gate-status.js';

const program = (...statuses: GateStatus[]) => statuses.map((status, i) => ({ key: `G${i + 1}`, status }));

describe('currentPhase', () => {
  it('is the first gate not passed', () => {
    expect(currentPhase(program('not_started', 'not_started', 'not_started', 'not_started'))).toEqual({
      kind: 'gate',
      gateKey: 'G1',
      status: 'not_started',
    });
    expect(currentPhase(program('passed', 'passed_with_conditions', 'held', 'not_started'))).toEqual({
      kind: 'gate',
      gateKey: 'G3',
      status: 'held',
    });
    expect(currentPhase(program('passed', 'recycled', 'ready_for_review', 'not_started'))).toMatchObject({
      gateKey: 'G2',
      status: 'recycled',
    });
  });

  it('stays at a stopped gate, saying so', () => {
    expect(currentPhase(program('passed', 'stopped', 'not_started', 'not_started'))).toEqual({
      kind: 'gate',
      gateKey: 'G2',
      status: 'stopped',
    });
  });

  it('is released once every gate passed, with or without conditions', () => {
    expect(currentPhase(program('passed', 'passed', 'passed_with_conditions', 'passed'))).toEqual({ kind: 'released' });
  });

  it('reads gates in their order, whatever order they come in', () => {
    const gates = [
      { key: 'G10', status: 'not_started' as const },
      { key: 'G2', status: 'in_progress' as const },
      { key: 'G1', status: 'passed' as const },
    ];
    expect(currentPhase(gates)).toMatchObject({ gateKey: 'G2' });
  });

  it('has no phase without gates', () => {
    expect(currentPhase([])).toEqual({ kind: 'none' });
  });
});
