import type { Command } from 'commander';
import { type Notification, NotificationsQuerySchema } from '../contract/notification.js';
import { NoticeKindSchema, NotificationModeSchema, type UpdateNotificationSettings } from '../contract/notification-settings.js';
import { addActingOptions, withBackend } from './connect.js';
import { badOption } from './options.js';
import { emit, fail, outputOf, table } from './output.js';
import { addPageOptions, nextPageLine, pageOptions } from './paging.js';
import type { CliContext } from './session.js';
import { must } from './targets.js';

/** A notice in a line of English, as the web says it. */
export function noticeLine(n: Notification): string {
  switch (n.kind) {
    case 'gate_status_changed':
      return `${n.facts.gateKey} ${n.facts.gateName} moved from ${n.facts.fromStatus.replaceAll('_', ' ')} to ${n.facts.toStatus.replaceAll('_', ' ')}`;
    case 'evidence_awaits_review':
      return `Evidence for ${n.facts.itemKey} ${n.facts.itemTitle} (${n.facts.gateKey}) waits for your review`;
    case 'evidence_rejected':
      return `Your evidence for ${n.facts.itemKey} (${n.facts.gateKey}) was rejected: "${n.facts.comment}"`;
    case 'gate_at_risk':
      return `${n.facts.gateKey} ${n.facts.gateName} is at risk: ${n.facts.items.map((i) => i.key).join(', ')}${n.facts.moreItems > 0 ? ` and ${n.facts.moreItems} more` : ''} not on course`;
    case 'intake_submitted':
      return `${n.facts.clientName} submitted ${n.facts.programName} through intake`;
    case 'action_assigned':
      return `Action ${n.facts.actionKey} ${n.facts.title} is yours`;
    case 'escalation_raised':
      return `Escalation ${n.facts.escalationKey} raised (${n.facts.severity}): ${n.facts.subjectTitle}; ${n.facts.ownerName} to respond by ${n.facts.deadlineAt}`;
    case 'escalation_climbed':
      return `Escalation ${n.facts.escalationKey} climbed to level ${n.facts.level}: ${n.facts.subjectTitle}; ${n.facts.ownerName} to respond by ${n.facts.deadlineAt}`;
    case 'update_requested':
      return `Please update your items before the ${n.facts.week} weekly report: ${n.facts.items.map((i) => i.key).join(', ')}${n.facts.moreItems > 0 ? ` and ${n.facts.moreItems} more` : ''}`;
  }
}

/** tollgate notifications [list] [--unread] | read <id> | read --all: one's own notices. */
export function registerNotificationCommands(cli: Command, ctx: CliContext): void {
  const group = cli
    .command('notifications')
    .description('Your notices: gates that moved, evidence to review, your evidence rejected, gates at risk');
  addActingOptions(
    addPageOptions(
      group
        .command('list', { isDefault: true })
        .description('Your notices, newest first, with how many are unread')
        .option('--unread', 'only the unread ones'),
      'notices',
      50,
      200,
    ).option('--json', "print the API's JSON ({ items: Notification[], nextCursor, unreadCount })"),
  ).action(async (o: { unread?: boolean; limit?: string; cursor?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const page = pageOptions(out, NotificationsQuerySchema.shape.limit, 200, o);
    await withBackend(ctx, cmd, out, async (b) => {
      const found = must(out, await b.listNotifications({ query: { unread: o.unread ? 'true' : undefined, ...page } }));
      const more = nextPageLine(
        'More notices',
        ['notifications'],
        { '--unread': o.unread ? '' : undefined, '--limit': o.limit },
        found.nextCursor,
      );
      emit(out, found, () =>
        found.items.length === 0
          ? `No ${o.unread ? 'unread ' : ''}notices.`
          : `${found.unreadCount} unread.\n${table(
              ['Id', 'When', 'Program', 'What', 'By', 'Read'],
              found.items.map((n) => [
                n.id,
                n.createdAt.slice(0, 16).replace('T', ' '),
                n.facts.programCode,
                noticeLine(n),
                n.actorName ?? 'Tollgate',
                n.readAt ? 'read' : 'NEW',
              ]),
              { maxWidths: [undefined, undefined, undefined, 70] },
            )}${more}`,
      );
    });
  });

  addActingOptions(
    group
      .command('read')
      .description('Mark one of your notices read, or all of them')
      .argument('[id]', "the notice's id (from `tollgate notifications`)")
      .option('--all', 'every unread notice of yours')
      .option('--json', "print the API's JSON ({ unreadCount })"),
  ).action(async (id: string | undefined, o: { all?: boolean; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    if ((id === undefined) === (o.all !== true)) badOption(out, '--all', 'Name one notice by its id, or give --all (not both).');
    await withBackend(ctx, cmd, out, async (b) => {
      if (o.all) {
        const r = must(out, await b.readAllNotifications());
        emit(out, r, () => `Marked ${r.marked} read; ${r.unreadCount} unread.`);
        return;
      }
      const r = await b.readNotification({ params: { notificationId: (id as string).trim() } });
      const value = r.ok ? r.value : fail(out, r.error);
      emit(out, value, () => `Marked read; ${value.unreadCount} unread.`);
    });
  });

  addActingOptions(
    group
      .command('settings')
      .description('How you are e-mailed of each kind of notice: immediate, digest (daily at 08:00 your time) or off')
      .option('--set <kind=mode>', 'change a kind, e.g. --set gate_at_risk=digest (repeat for more)', (v: string, all: string[] = []) => [
        ...all,
        v,
      ])
      .option('--json', "print the API's JSON ({ isMailOn, settings: [{ kind, name, mode, defaultMode }] })"),
  ).action(async (o: { set?: string[]; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const changes: UpdateNotificationSettings = {};
    for (const raw of o.set ?? []) {
      const [kind = '', mode = '', ...rest] = raw.split('=').map((p) => p.trim());
      const k = NoticeKindSchema.safeParse(kind);
      const m = NotificationModeSchema.safeParse(mode);
      if (!k.success || !m.success || rest.length > 0) {
        badOption(
          out,
          '--set',
          `give kind=mode, the kind one of ${NoticeKindSchema.options.join(', ')}, the mode one of ${NotificationModeSchema.options.join(', ')}`,
          raw,
        );
      }
      changes[k.data] = m.data;
    }
    await withBackend(ctx, cmd, out, async (b) => {
      const r = must(
        out,
        Object.keys(changes).length > 0 ? await b.updateNotificationSettings({ body: changes }) : await b.getNotificationSettings(),
      );
      emit(
        out,
        r,
        () =>
          `${r.isMailOn ? 'E-mail is on.' : 'E-mail is off on this server (TOLLGATE_SMTP_URL is not set): your choices are kept, nothing is sent.'}\n${table(
            ['Kind', 'What', 'Mode', 'Default'],
            r.settings.map((x) => [x.kind, x.name, x.mode, x.defaultMode]),
          )}`,
      );
    });
  });
}
