import { type QueryClient, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ChangeLogFilters } from './api.js';

export const queryKeys = {
  me: ['me'] as const,
  authConfig: ['auth-config'] as const,
  programs: ['programs'] as const,
  program: (programId: string) => ['program', programId] as const,
  milestones: (programId: string) => ['program', programId, 'milestones'] as const,
  changes: (programId: string) => ['program', programId, 'changes'] as const,
  needsOwner: (programId: string) => ['program', programId, 'needs-owner'] as const,
  changeLog: (programId: string, filters: ChangeLogFilters, limit: number) => ['program', programId, 'change-log', filters, limit] as const,
  programPeople: (programId: string) => ['program', programId, 'people'] as const,
  tokens: ['me', 'tokens'] as const,
  people: ['people'] as const,
  clients: ['clients'] as const,
  invite: (token: string) => ['invite', token] as const,
};

/** Who is signed in; a 401 here sends the browser to the sign-in page. */
export const useMe = () => useQuery({ queryKey: queryKeys.me, queryFn: ({ signal }) => api.me(signal), staleTime: 60_000 });

export const useAuthConfig = () =>
  useQuery({ queryKey: queryKeys.authConfig, queryFn: ({ signal }) => api.authConfig(signal), staleTime: 5 * 60_000 });

export const usePrograms = (enabled = true) =>
  useQuery({ queryKey: queryKeys.programs, queryFn: ({ signal }) => api.listPrograms(signal), enabled });

export const useProgram = (programId: string) =>
  useQuery({ queryKey: queryKeys.program(programId), queryFn: ({ signal }) => api.getProgram(programId, signal) });

export const useMilestones = (programId: string) =>
  useQuery({ queryKey: queryKeys.milestones(programId), queryFn: ({ signal }) => api.listMilestones(programId, signal) });

/** The change log as a story, a page of entries at a time, filtered in the server. */
export const useChangeLog = (programId: string, filters: ChangeLogFilters, limit: number) =>
  useInfiniteQuery({
    queryKey: queryKeys.changeLog(programId, filters, limit),
    queryFn: ({ signal, pageParam }) => api.listChangeLog(programId, filters, limit, signal, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The first page of the program's open records still without an owner or a due date. */
export const useNeedsOwner = (programId: string) =>
  useQuery({ queryKey: queryKeys.needsOwner(programId), queryFn: ({ signal }) => api.listNeedsOwner(programId, signal) });

/** The people holding a role on the program: who can own its milestones. */
export const useProgramPeople = (programId: string) =>
  useQuery({
    queryKey: queryKeys.programPeople(programId),
    queryFn: ({ signal }) => api.listProgramPeople(programId, signal),
    staleTime: 5 * 60_000,
  });

export const useTokens = () => useQuery({ queryKey: queryKeys.tokens, queryFn: ({ signal }) => api.listTokens(signal) });

export const usePeople = (enabled = true) =>
  useQuery({ queryKey: queryKeys.people, queryFn: ({ signal }) => api.listPeople(signal), enabled });

export const useClients = (enabled = true) =>
  useQuery({ queryKey: queryKeys.clients, queryFn: ({ signal }) => api.listClients(signal), staleTime: 5 * 60_000, enabled });

export const useInvite = (token: string) =>
  useQuery({
    queryKey: queryKeys.invite(token),
    queryFn: ({ signal }) => api.showInvite(token, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** After a write: the program, its milestones and change log, and the portfolio are stale. */
export function invalidateProgram(client: QueryClient, programId: string): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.program(programId), exact: true }),
    client.invalidateQueries({ queryKey: queryKeys.milestones(programId) }),
    client.invalidateQueries({ queryKey: queryKeys.changes(programId) }),
    client.invalidateQueries({ queryKey: queryKeys.needsOwner(programId) }),
    client.invalidateQueries({ queryKey: ['program', programId, 'change-log'] }),
    client.invalidateQueries({ queryKey: queryKeys.programs }),
  ]).then(() => undefined);
}

export const useInvalidateProgram = (programId: string) => {
  const client = useQueryClient();
  return () => invalidateProgram(client, programId);
};
