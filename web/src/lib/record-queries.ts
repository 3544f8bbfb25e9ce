import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from './queries.js';
import { recordsApi } from './records-api.js';

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

export const useDecisions = (programId: string) =>
  useQuery({ queryKey: recordKeys.decisions(programId), queryFn: ({ signal }) => recordsApi.listDecisions(programId, signal) });

export const useDecision = (programId: string, id: string) =>
  useQuery({ queryKey: recordKeys.decision(programId, id), queryFn: ({ signal }) => recordsApi.getDecision(programId, id, signal) });

export const useRisks = (programId: string) =>
  useQuery({ queryKey: recordKeys.risks(programId), queryFn: ({ signal }) => recordsApi.listRisks(programId, signal) });

export const useRisk = (programId: string, id: string) =>
  useQuery({ queryKey: recordKeys.risk(programId, id), queryFn: ({ signal }) => recordsApi.getRisk(programId, id, signal) });

export const useActions = (programId: string) =>
  useQuery({ queryKey: recordKeys.actions(programId), queryFn: ({ signal }) => recordsApi.listActions(programId, signal) });

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
