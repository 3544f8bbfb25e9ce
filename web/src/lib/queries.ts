import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api.js';

export const queryKeys = {
  programs: ['programs'] as const,
  program: (programId: string) => ['program', programId] as const,
  milestones: (programId: string) => ['program', programId, 'milestones'] as const,
  changes: (programId: string) => ['program', programId, 'changes'] as const,
  users: ['users'] as const,
};

export const usePrograms = () => useQuery({ queryKey: queryKeys.programs, queryFn: ({ signal }) => api.listPrograms(signal) });

export const useProgram = (programId: string) =>
  useQuery({ queryKey: queryKeys.program(programId), queryFn: ({ signal }) => api.getProgram(programId, signal) });

export const useMilestones = (programId: string) =>
  useQuery({ queryKey: queryKeys.milestones(programId), queryFn: ({ signal }) => api.listMilestones(programId, signal) });

export const useChanges = (programId: string) =>
  useQuery({ queryKey: queryKeys.changes(programId), queryFn: ({ signal }) => api.listChanges(programId, signal) });

export const useUsers = () =>
  useQuery({ queryKey: queryKeys.users, queryFn: ({ signal }) => api.listUsers(signal), staleTime: 5 * 60_000 });

/** After a write: the program, its milestones and change log, and the portfolio are stale. */
export function invalidateProgram(client: QueryClient, programId: string): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.program(programId), exact: true }),
    client.invalidateQueries({ queryKey: queryKeys.milestones(programId) }),
    client.invalidateQueries({ queryKey: queryKeys.changes(programId) }),
    client.invalidateQueries({ queryKey: queryKeys.programs }),
  ]).then(() => undefined);
}

export const useInvalidateProgram = (programId: string) => {
  const client = useQueryClient();
  return () => invalidateProgram(client, programId);
};
