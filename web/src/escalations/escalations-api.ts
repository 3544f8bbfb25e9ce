import { type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Escalation,
  ReassignEscalationSchema,
  ResolveEscalationSchema,
  SetTriggerSchema,
  TriggerListSchema,
} from '../../../src/contract/escalation.js';
import { callOperation } from '../lib/http.js';
import { recordKeys } from '../lib/record-queries.js';

export type { Escalation };
export type Trigger = z.infer<typeof TriggerListSchema>['items'][number];
export type TriggerKind = Trigger['kind'];
/** The kinds that take a number (thresholdOf is not null). */
export type ThresholdKind = Exclude<TriggerKind, 'missed_milestone' | 'gate_at_risk'>;

/** The tracker's filters: what the API's status parameter takes that people ask for. */
export const escalationFilters = ['open', 'overdue', 'acknowledged', 'escalated', 'expired', 'resolved', 'all'] as const;
export type EscalationFilter = (typeof escalationFilters)[number];
export const isEscalationFilter = (v: string | null): v is EscalationFilter =>
  (escalationFilters as readonly (string | null)[]).includes(v);

const pageSize = 100;

/** The escalations' calls, typed and addressed by the operation table. */
export const escalationsApi = {
  list: (programId: string, status: EscalationFilter, signal?: AbortSignal, cursor?: string) =>
    callOperation('listProgramEscalations', { params: { programId }, query: { status, limit: pageSize, cursor } }, signal),
  acknowledge: (programId: string, escalationId: string, version: number) =>
    callOperation('acknowledgeEscalation', { params: { programId, escalationId }, body: { version } }),
  resolve: (programId: string, escalationId: string, body: z.input<typeof ResolveEscalationSchema>) =>
    callOperation('resolveEscalation', { params: { programId, escalationId }, body }),
  reassign: (programId: string, escalationId: string, body: z.input<typeof ReassignEscalationSchema>) =>
    callOperation('reassignEscalation', { params: { programId, escalationId }, body }),
  triggers: (programId: string, signal?: AbortSignal) => callOperation('listTriggers', { params: { programId } }, signal),
  setTrigger: (programId: string, kind: TriggerKind, body: z.input<typeof SetTriggerSchema>) =>
    callOperation('setTrigger', { params: { programId, kind }, body }),
};

export const escalationKeys = {
  list: (programId: string, status: EscalationFilter) => ['program', programId, 'escalations', status] as const,
  triggers: (programId: string) => ['program', programId, 'triggers'] as const,
};

/** The program's escalations under a filter, newest raised first, a page at a time. */
export const useEscalations = (programId: string, status: EscalationFilter) =>
  useInfiniteQuery({
    queryKey: escalationKeys.list(programId, status),
    queryFn: ({ signal, pageParam }) => escalationsApi.list(programId, status, signal, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useTriggers = (programId: string, enabled = true) =>
  useQuery({ queryKey: escalationKeys.triggers(programId), queryFn: ({ signal }) => escalationsApi.triggers(programId, signal), enabled });

/** After a write: the lists, the program's counts and its health (all under the program's key), and "my week". */
export const invalidateEscalations = (client: QueryClient, programId: string): Promise<unknown> =>
  Promise.all([
    client.invalidateQueries({ queryKey: ['program', programId] }),
    client.invalidateQueries({ queryKey: ['programs'] }),
    client.invalidateQueries({ queryKey: recordKeys.week }),
  ]);
