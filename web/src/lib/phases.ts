import type { z } from 'zod';
import type { PhaseSchema, ProgramStatusSchema } from '../../../src/contract/program.js';

export type Phase = z.infer<typeof PhaseSchema>;
export type ProgramStatus = z.infer<typeof ProgramStatusSchema>;
export const phases: readonly Phase[] = ['G1', 'G2', 'G3', 'G4'];
