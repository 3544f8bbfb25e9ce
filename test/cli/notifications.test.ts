import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../src/contract/notification.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { jsonOf, problemOf, tollgate } from './run-cli.js';

interface NoticeList {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

describe.each(dialects)('tollgate notifications on %s (demo portfolio)', (dialect) => {
  let db: TestDatabase;
  const lead = (...args: string[]) => tollgate(db, '--as', 'lead@demo.test', ...args);

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { from: 'demo' });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('lists one’s notices with the unread ones marked, marks one read and then all', async () => {
    const unread = jsonOf<NoticeList>(await lead('notifications', '--unread', '--json'));
    expect(unread.unreadCount).toBeGreaterThan(0);
    expect(unread.items.every((n) => n.readAt === null)).toBe(true);
    const listed = await lead('notifications', '--limit', '3');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(`${unread.unreadCount} unread.`);
    expect(listed.stdout).toContain('NEW');
    expect(listed.stdout).toMatch(/More notices: tollgate notifications --limit 3 --cursor \S+/);

    const first = unread.items[0] as Notification;
    const one = await lead('notifications', 'read', first.id);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toBe(`Marked read; ${unread.unreadCount - 1} unread.\n`);
    // Someone else's notice is not theirs to mark.
    expect(problemOf(await tollgate(db, '--as', 'quality@demo.test', 'notifications', 'read', first.id, '--json')).code).toBe(
      'NOTIFICATION_NOT_FOUND',
    );

    const all = await lead('notifications', 'read', '--all');
    expect(all.stdout).toBe(`Marked ${unread.unreadCount - 1} read; 0 unread.\n`);
    expect((await lead('notifications', '--unread')).stdout).toBe('No unread notices.\n');
    const neither = await lead('notifications', 'read');
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('--all');
  });

  it('shows and changes one’s e-mail settings per kind; a bad kind or mode is refused naming --set', async () => {
    const shown = await lead('notifications', 'settings');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('E-mail is off on this server');
    expect(shown.stdout).toMatch(/gate_at_risk\s+.*your gates at risk\s+.*immediate/);
    const set = jsonOf<{ settings: { kind: string; mode: string }[] }>(
      await lead('notifications', 'settings', '--set', 'gate_at_risk=digest', '--set', 'action_assigned=off', '--json'),
    );
    expect(set.settings.filter((s) => s.mode !== 'immediate')).toEqual([
      expect.objectContaining({ kind: 'gate_at_risk', mode: 'digest' }),
      expect.objectContaining({ kind: 'action_assigned', mode: 'off' }),
    ]);
    // Only one's own: another person's are untouched.
    const other = jsonOf<{ settings: { mode: string }[] }>(
      await tollgate(db, '--as', 'quality@demo.test', 'notifications', 'settings', '--json'),
    );
    expect(other.settings.every((s) => s.mode === 'immediate')).toBe(true);
    const bad = await lead('notifications', 'settings', '--set', 'gate_at_risk=weekly');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--set');
  });
});
