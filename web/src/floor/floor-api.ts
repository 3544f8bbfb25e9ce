import { type QueryClient, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FloorEventJson, ImportResultJson, RecordFloorEventSchema, UpdateShipmentSchema } from '../../../src/contract/floor-event.js';
import { callOperation } from '../lib/http.js';

export type FloorEvent = FloorEventJson;
export type ImportResult = ImportResultJson;

const pageSize = 100;

/** The floor events' calls, typed and addressed by the operation table. */
export const floorApi = {
  list: (programId: string, signal?: AbortSignal, cursor?: string) =>
    callOperation('listFloorEvents', { params: { programId }, query: { limit: pageSize, cursor } }, signal),
  record: (programId: string, body: z.input<typeof RecordFloorEventSchema>) =>
    callOperation('recordFloorEvent', { params: { programId }, body }),
  updateShipment: (programId: string, eventKey: string, body: z.input<typeof UpdateShipmentSchema>) =>
    callOperation('updateShipment', { params: { programId, eventKey }, body }),
  importCsv: (programId: string, csv: string, dryRun: boolean) =>
    callOperation('importFloorEvents', { params: { programId }, body: { csv, dryRun } }),
};

export const floorKeys = { events: (programId: string) => ['program', programId, 'floor-events'] as const };

/** The program's floor events, newest first, a page at a time. */
export const useFloorEvents = (programId: string) =>
  useInfiniteQuery({
    queryKey: floorKeys.events(programId),
    queryFn: ({ signal, pageParam }) => floorApi.list(programId, signal, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** After an event is written: the list, and what counts it (the program, escalations later). */
export const invalidateFloor = (client: QueryClient, programId: string): Promise<void> =>
  client.invalidateQueries({ queryKey: ['program', programId] });
