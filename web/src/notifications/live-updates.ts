import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ProgramEvent } from '../../../src/contract/notification.js';
import { invalidateRecords } from '../lib/record-queries.js';
import { invalidateNotifications, type NotificationEvent } from './notifications-api.js';

/**
 * Listens to the server's live updates (GET /api/v1/events) while someone is signed in: the unread
 * count follows new notices, an open page of a program that changed refetches, and after a gap in the
 * stream (a reconnect) everything shown is refetched. The browser reconnects by itself.
 */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/events');
    const read = <T>(e: Event): T | null => {
      try {
        return JSON.parse((e as MessageEvent<string>).data) as T;
      } catch {
        return null;
      }
    };
    source.addEventListener('notification', (e) => {
      const data = read<NotificationEvent>(e);
      if (data) void invalidateNotifications(client, data.unreadCount);
    });
    source.addEventListener('program', (e) => {
      const data = read<ProgramEvent>(e);
      if (!data) return;
      // Program pages are addressed by code, some reads by id: both are refetched where open.
      void invalidateRecords(client, data.code);
      void client.invalidateQueries({ queryKey: ['program', data.programId] });
    });
    source.addEventListener('resync', () => void client.invalidateQueries());
    return () => source.close();
  }, [client]);
}
