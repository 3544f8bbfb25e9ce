import { type QueryClient, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from './queries.js';
import { type DecisionsQuery, recordsApi } from './records-api.js';

export const recordKeys = {
  week: ['me', 'week'] as const,
  decisionQueue: ['me', 'decision-queue'] as const,
  decisions: (programId: string) => ['program', programId, 'decisions'] as const,
  decision: (programId: string, id: string) => ['program', programId, 'decision', id] as const,
  risks: (programId: string) => ['program', programId, 'risks'] as const,
  risk: (programId: string, id: string) => ['program', programId, 'risk', id] as const,
  actions: (programId: string) => ['program', programId, 'actions'] as const,
};

export const useMyWeek = () => useQuery({ queryKey: recordKeys.week, queryFn: ({ signal }) => recordsApi.myWeek(signal) });

/** The program's decisions the query asks for, a page at a time: fetchNextPage reads the next by its cursor. */
export const useDecisionPages = (programId: string, query: DecisionsQuery) =>
  useInfiniteQuery({
    queryKey: [...recordKeys.decisions(programId), query],
    queryFn: ({ signal, pageParam }) => recordsApi.listDecisions(programId, query, signal, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** One page of the program's decisions the query asks for (a choice among them, not a list to page through). */
export const useDecisions = (programId: string, query: DecisionsQuery) =>
  useQuery({
    queryKey: [...recordKeys.decisions(programId), query, 'first'],
    queryFn: ({ signal }) => recordsApi.listDecisions(programId, query, signal),
  });

export const useDecision = (programId: string, id: string) =>
  useQuery({ queryKey: recordKeys.decision(programId, id), queryFn: ({ signal }) => recordsApi.getDecision(programId, id, signal) });

export const useRisks = (programId: string) =>
  useQuery({ queryKey: recordKeys.risks(programId), queryFn: ({ signal }) => recordsApi.listRisks(programId, signal) });

export const useRisk = (programId: string, id: string) =>
  useQuery({ queryKey: recordKeys.risk(programId, id), queryFn: ({ signal }) => recordsApi.getRisk(programId, id, signal) });

/** The program's actions in work order, a page at a time: fetchNextPage reads the next by its cursor. */
export const useActions = (programId: string) =>
  useInfiniteQuery({
    queryKey: recordKeys.actions(programId),
    queryFn: ({ signal, pageParam }) => recordsApi.listActions(programId, signal, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/**
 * After a write to a decision, risk or action: everything cached about the program (its counts,
 * milestones with their blockers, records, change log), the portfolio and "my week" may be stale.
 */
export function invalidateRecords(client: QueryClient, programId: string): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['program', programId] }),
    client.invalidateQueries({ queryKey: queryKeys.programs }),
    client.invalidateQueries({ queryKey: recordKeys.week }),
    client.invalidateQueries({ queryKey: recordKeys.decisionQueue }),
  ]).then(() => undefined);
}

export const useInvalidateRecords = (programId: string) => {
  const client = useQueryClient();
  return () => invalidateRecords(client, programId);
};
