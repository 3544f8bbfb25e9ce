import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type {
  AddedMilestoneLinkSchema,
  CreateMilestoneLink,
  MilestoneLink,
  MilestoneLinkListSchema,
  MovePreviewSchema,
} from '../../../src/contract/plan.js';
import { callOperation } from './http.js';

export type { MilestoneLink };
export type MilestoneLinkList = z.infer<typeof MilestoneLinkListSchema>;
export type MovePreview = z.infer<typeof MovePreviewSchema>;
export type Push = MovePreview['pushes'][number];
export type AddedMilestoneLink = z.infer<typeof AddedMilestoneLinkSchema>;

export const planKeys = {
  links: (programId: string) => ['links', programId] as const,
  /** Every cached move and link preview of the program. */
  movePreviews: (programId: string) => ['move-preview', programId] as const,
  /** What a new link (predecessor → successor, lag) would push: under the program's previews, so it goes stale with them. */
  linkPreview: (programId: string, successorId: string, predecessorId: string, lagDays: number) =>
    ['move-preview', programId, 'link', successorId, predecessorId, lagDays] as const,
  movePreview: (programId: string, milestoneId: string, forecastDate: string) =>
    ['move-preview', programId, milestoneId, forecastDate] as const,
};

export const listLinks = (programId: string, signal?: AbortSignal) => callOperation('listLinks', { params: { programId } }, signal);

export const addLink = (programId: string, body: CreateMilestoneLink) => callOperation('addLink', { params: { programId }, body });

export const removeLink = (programId: string, linkId: string) => callOperation('removeLink', { params: { programId, linkId } });

export const previewMove = (programId: string, milestoneId: string, forecastDate: string, signal?: AbortSignal) =>
  callOperation('previewMove', { params: { programId, milestoneId }, body: { forecastDate } }, signal);

export const previewLink = (programId: string, body: { predecessor: string; successor: string; lagDays: number }, signal?: AbortSignal) =>
  callOperation('previewLink', { params: { programId }, body }, signal);

/** What adding a link would push; never cached as fresh, plans change. */
export const linkPreviewQuery = (programId: string, successorId: string, predecessorId: string, lagDays: number) =>
  queryOptions({
    queryKey: planKeys.linkPreview(programId, successorId, predecessorId, lagDays),
    queryFn: ({ signal }) => previewLink(programId, { predecessor: predecessorId, successor: successorId, lagDays }, signal),
    staleTime: 0,
    gcTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });

/** The preview for a chosen predecessor and lag, or nothing while either is missing (null). */
export const useLinkPreview = (programId: string, successorId: string, asked: { predecessor: string; lagDays: number } | null) =>
  useQuery({
    ...linkPreviewQuery(programId, successorId, asked?.predecessor ?? '', asked?.lagDays ?? 0),
    enabled: asked !== null,
  });

/** The program's dependencies, finish-to-start with a lag in business days. */
export const useLinks = (programId: string) =>
  useQuery({ queryKey: planKeys.links(programId), queryFn: ({ signal }) => listLinks(programId, signal) });

/** The links a milestone comes after (its predecessors), from the program's cached links. */
export function usePredecessors(programId: string, milestoneId: string) {
  const select = useCallback((d: MilestoneLinkList) => d.items.filter((l) => l.successor.id === milestoneId), [milestoneId]);
  return useQuery({ queryKey: planKeys.links(programId), queryFn: ({ signal }) => listLinks(programId, signal), select });
}

/** What moving one milestone's forecast to a date would push; never cached as fresh, plans change. */
export const movePreviewQuery = (programId: string, milestoneId: string, forecastDate: string) =>
  queryOptions({
    queryKey: planKeys.movePreview(programId, milestoneId, forecastDate),
    queryFn: ({ signal }) => previewMove(programId, milestoneId, forecastDate, signal),
    staleTime: 0,
    gcTime: 60_000,
    retry: false,
    // A list that blinks away and back on every return to the tab would only distract.
    refetchOnWindowFocus: false,
  });

/** The preview for a date, or nothing while there is no date to preview (null). */
export const useMovePreview = (programId: string, milestoneId: string, forecastDate: string | null) =>
  useQuery({ ...movePreviewQuery(programId, milestoneId, forecastDate ?? ''), enabled: forecastDate !== null });

/**
 * After a link or a date changed: the links and every move preview of the program are stale. Previews
 * are only marked stale, not fetched again: the dialog that shows one refetches it itself.
 */
export function invalidatePlan(client: QueryClient, programId: string): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: planKeys.links(programId) }),
    client.invalidateQueries({ queryKey: planKeys.movePreviews(programId), refetchType: 'none' }),
  ]).then(() => undefined);
}
