import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CharterDocument, SetCharterSchema } from '../../../src/contract/charter.js';
import { callOperation } from '../lib/http.js';

export type Charter = CharterDocument;
export type SetCharter = z.input<typeof SetCharterSchema>;

export const charterKey = (programId: string) => ['program', programId, 'charter'] as const;

/** A program's kickoff charter: read by everyone on the program, written whole by its cadence owner. */
export const charterApi = {
  get: (programId: string, signal?: AbortSignal) => callOperation('getCharter', { params: { programId } }, signal),
  set: (programId: string, body: SetCharter) => callOperation('setCharter', { params: { programId }, body }),
};

export const useCharter = (programId: string) =>
  useQuery({ queryKey: charterKey(programId), queryFn: ({ signal }) => charterApi.get(programId, signal) });
