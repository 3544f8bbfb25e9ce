import { type Query, type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Baseline, Mta, Plan, PlanRow, PlanSettings, SlipHistory, TakeBaseline } from '../../../src/contract/plan.js';
import { userLocale } from './format.js';
import { callOperation } from './http.js';
import { queryKeys } from './queries.js';

export type { Baseline, Mta, Plan, PlanRow, PlanSettings, SlipHistory, TakeBaseline };

const programPath = (programId: string) => `/api/v1/programs/${encodeURIComponent(programId)}`;

const query = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
};

/**
 * The plan is worked out from the milestones, the trend and slips from the change log: their keys sit
 * under those keys, so every milestone write anywhere in the app (invalidateProgram) makes them stale too.
 */
export const planViewKeys = {
  plan: (programId: string, baseline: number | null) => [...queryKeys.milestones(programId), 'plan', baseline ?? 'latest'] as const,
  mta: (programId: string, milestones: readonly string[] | null) =>
    [...queryKeys.changes(programId), 'mta', milestones?.join(',') ?? 'default'] as const,
  slips: (programId: string, milestoneId: string) => [...queryKeys.changes(programId), 'slips', milestoneId] as const,
};

/** Moves shown per page of a slip history ("Show later moves" fetches the next). */
export const slipPageSize = 100;

export const planViewApi = {
  plan: (programId: string, baseline: number | null, signal?: AbortSignal) =>
    callOperation('getPlan', { params: { programId }, query: { baseline: baseline ?? undefined } }, signal),
  mta: (programId: string, milestones: readonly string[] | null, signal?: AbortSignal) =>
    callOperation('getMta', { params: { programId }, query: { milestones: milestones?.join(',') || undefined } }, signal),
  slips: (programId: string, milestoneId: string, signal?: AbortSignal, cursor?: string) =>
    callOperation('getSlips', { params: { programId, milestoneId }, query: { limit: slipPageSize, cursor } }, signal),
  updateSettings: (programId: string, body: PlanSettings) => callOperation('updatePlanSettings', { params: { programId }, body }),
  takeBaseline: (programId: string, body: TakeBaseline) => callOperation('takeBaseline', { params: { programId }, body }),
  activate: (programId: string, body: { version: number; reason?: string }) =>
    callOperation('activateProgram', { params: { programId }, body }),
};

/** Addresses of the charts as images; `v` changes whenever the plan does, so a browser never shows an old drawing. */
export const chartUrls = {
  mta: (programId: string, milestones: readonly string[] | null, v: string) =>
    `${programPath(programId)}/charts/mta.svg${query({ milestones: milestones?.join(','), locale: userLocale, v })}`,
  timeline: (programId: string, baseline: number | null, v: string) =>
    `${programPath(programId)}/charts/timeline.svg${query({ baseline: baseline ?? undefined, locale: userLocale, v })}`,
};

/** While another baseline or choice of milestones loads, the last answer stays shown, but never another program's. */
const sameProgram =
  (programId: string) =>
  <T>(previous: T | undefined, query: Query<T, Error, T, readonly unknown[]> | undefined): T | undefined =>
    query?.queryKey[1] === programId ? previous : undefined;

/** Plan vs actual against a baseline (the latest when null); the last answer stays shown while another baseline loads. */
export const usePlan = (programId: string, baseline: number | null) =>
  useQuery({
    queryKey: planViewKeys.plan(programId, baseline),
    queryFn: ({ signal }) => planViewApi.plan(programId, baseline, signal),
    placeholderData: sameProgram(programId),
  });

/** The milestone trend: forecast per reporting week; null asks for the API's default milestones. */
export const useMta = (programId: string, milestones: readonly string[] | null) =>
  useQuery({
    queryKey: planViewKeys.mta(programId, milestones),
    queryFn: ({ signal }) => planViewApi.mta(programId, milestones, signal),
    placeholderData: sameProgram(programId),
  });

/** A milestone's moves, oldest first, a page at a time; every page carries the whole history's count and net days. */
export const useSlipHistory = (programId: string, milestoneId: string) =>
  useInfiniteQuery({
    queryKey: planViewKeys.slips(programId, milestoneId),
    queryFn: ({ signal, pageParam }) => planViewApi.slips(programId, milestoneId, signal, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** After a plan write (settings, baseline, activation): everything cached about the program may be stale. */
export function invalidatePlanView(client: QueryClient, programId: string): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['program', programId] }),
    client.invalidateQueries({ queryKey: queryKeys.programs }),
  ]).then(() => undefined);
}

/** A short fingerprint of the plan's state (FNV-1a over row versions, links and baselines), for the charts' `v`. */
export function planFingerprint(plan: Plan): string {
  const text = [
    plan.version,
    plan.today,
    plan.baselines.map((b) => b.number).join('.'),
    plan.targetReleaseDate ?? '',
    ...plan.rows.map((r) => `${r.id}:${r.version}:${r.predecessors.map((p) => `${p.linkId}/${p.lagDays}`).join(',')}`),
  ].join('|');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
