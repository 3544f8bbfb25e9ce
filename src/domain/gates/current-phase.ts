import type { Gate } from './gate.js';
import { gateOrder } from './gate.js';
import { type GateStatus, isGatePassed } from './gate-status.js';

export type CurrentPhase =
  | { readonly kind: 'gate'; readonly gateKey: string; readonly status: GateStatus }
  | { readonly kind: 'released' }
  | { readonly kind: 'none' };

/** The program is in the phase of its first gate not passed; with every gate passed it is released. */
export function currentPhase(gates: readonly Pick<Gate, 'key' | 'status'>[]): CurrentPhase {
  if (gates.length === 0) return { kind: 'none' };
  const first = [...gates].sort((a, b) => gateOrder(a.key) - gateOrder(b.key)).find((g) => !isGatePassed(g.status));
  return first ? { kind: 'gate', gateKey: first.key, status: first.status } : { kind: 'released' };
}
