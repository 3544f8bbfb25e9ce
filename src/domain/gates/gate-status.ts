/**
 * not_started → in_progress → ready_for_review follow the evidence; passed, passed_with_conditions, held,
 * recycled and stopped are set by a gate decision (decideGate).
 */
export const gateStatuses = [
  'not_started',
  'in_progress',
  'ready_for_review',
  'passed',
  'passed_with_conditions',
  'held',
  'recycled',
  'stopped',
] as const;
export type GateStatus = (typeof gateStatuses)[number];

/** A gate is passed by a go or a conditional go. */
export const isGatePassed = (status: GateStatus): boolean => status === 'passed' || status === 'passed_with_conditions';

/** A passed or stopped gate is settled: its evidence is frozen and it takes no further decision. */
export const isGateSettled = (status: GateStatus): boolean => isGatePassed(status) || status === 'stopped';
