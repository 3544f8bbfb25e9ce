import type { Command } from 'commander';
import type { z } from 'zod';
import type { IntakeLinkSchema } from '../contract/intake.js';
import { CreateIntakeLinkSchema, IntakeLinkParamsSchema, RevokeIntakeLinkSchema } from '../contract/intake.js';
import { addActingOptions, urlOption, withBackend } from './connect.js';
import { parseIntOption, parseOption, withFlags } from './options.js';
import { emit, facts, outputOf, table } from './output.js';
import type { CliContext } from './session.js';
import { requireClient } from './setup-commands.js';
import { must } from './targets.js';
import { terminalConfig } from './terminal.js';

type IntakeLinkJson = z.output<typeof IntakeLinkSchema>;

const jsonHelp = "print the API's JSON";
const day = (instant: string | null) => (instant ? instant.slice(0, 10) : '');
const stateText = (l: IntakeLinkJson) =>
  l.state === 'open'
    ? l.expiresAt
      ? `open until ${day(l.expiresAt)}`
      : 'open'
    : l.state === 'revoked'
      ? `revoked ${day(l.revokedAt)}`
      : 'expired';

function listText(items: readonly IntakeLinkJson[]): string {
  if (items.length === 0) return 'No intake links. Make one: tollgate intake link create --client "<client>" --label "<whom it is for>"';
  const rows = items.map((l) => [l.id, l.clientName, l.label, stateText(l), l.submissions, `${l.createdByName}, ${day(l.createdAt)}`]);
  return `${table(['Link', 'Client', 'Label', 'State', 'Submissions', 'Made by'], rows, { maxWidths: [undefined, 30, 30] })}\nThe secret of a link is shown only when it is made.`;
}

/** `tollgate intake link create|list|revoke`: the secret links through which a client submits programs. */
export function registerIntakeCommands(cli: Command, ctx: CliContext): void {
  const intake = cli
    .command('intake')
    .description('Program intake: a client submits a program through a secret link; a draft program is made');
  const link = intake
    .command('link')
    .alias('links')
    .description("A client's intake links (admins and the client's cadence owners): make, list, revoke");

  addActingOptions(
    link
      .command('create')
      .description('Make a secret intake link for a client; its address is printed once (only a hash of it is kept)')
      .option('--client <client>', 'client name or id (required)')
      .option('--label <label>', 'whom it is for, e.g. "Keller buyers" (default: the client\'s name)')
      .option('--expires-in-days <days>', 'stop taking submissions after this many days (1-366; default: until revoked)')
      .option('--base-url <url>', 'on the database: the address people open Tollgate at (default: $TOLLGATE_PUBLIC_URL)')
      .option('--json', jsonHelp),
  ).action(async (o: { client?: string; label?: string; expiresInDays?: string; baseUrl?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const shape = CreateIntakeLinkSchema.shape;
    const days =
      o.expiresInDays === undefined ? undefined : parseIntOption(out, '--expires-in-days', shape.expiresInDays.unwrap(), o.expiresInDays);
    const baseUrl = o.baseUrl === undefined ? terminalConfig().publicUrl : urlOption(out, '--base-url', o.baseUrl);
    await withBackend(ctx, cmd, out, async (b) => {
      if (!o.client)
        return must(out, {
          ok: false,
          error: { code: 'VALIDATION_FAILED', message: '--client is required.', fields: [{ path: '--client', message: 'Required.' }] },
        });
      const client = await requireClient(b, out, o.client);
      const label = parseOption(out, '--label', shape.label, o.label ?? client.name);
      const r = await b.createIntakeLink({
        params: { clientId: client.id },
        body: { label, ...(days === undefined ? {} : { expiresInDays: days }) },
      });
      const made = must(
        out,
        r.ok ? r : { ok: false, error: withFlags(r.error, { label: '--label', expiresInDays: '--expires-in-days', clientId: '--client' }) },
      );
      const url = made.url ?? (baseUrl ? `${baseUrl}/intake/${made.token}` : null);
      emit(out, { ...made, url }, () =>
        [
          `Made the intake link "${made.link.label}" for ${made.link.clientName}${made.link.expiresAt ? `, open until ${day(made.link.expiresAt)}` : ''}.`,
          'Send this address to the client; it is shown only now (Tollgate keeps only a hash of it):',
          `  ${url ?? made.token}`,
          ...(url ? [] : ['(Give --base-url or set TOLLGATE_PUBLIC_URL to print the whole address: <address>/intake/<this secret>.)']),
          `Revoke it with: tollgate intake link revoke ${made.link.id}`,
        ].join('\n'),
      );
    });
  });

  addActingOptions(
    link
      .command('list', { isDefault: true })
      .description('The intake links you manage, newest first (never their secrets)')
      .option('--client <client>', "only this client's (name or id)")
      .option('--json', jsonHelp),
  ).action(async (o: { client?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const clientId = o.client === undefined ? undefined : (await requireClient(b, out, o.client)).id;
      const list = must(out, await b.listIntakeLinks({ query: clientId === undefined ? {} : { clientId } }));
      emit(out, list, () => listText(list.items));
    });
  });

  addActingOptions(
    link
      .command('revoke')
      .description('Revoke an intake link: it takes no submission from now on')
      .argument('<id>', 'the link (see `tollgate intake link list`)')
      .option('--reason <text>', 'why, for the change log')
      .option('--json', jsonHelp),
  ).action(async (id: string, o: { reason?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const linkId = parseOption(out, '<id>', IntakeLinkParamsSchema.shape.linkId, id);
    const reason = o.reason === undefined ? undefined : parseOption(out, '--reason', RevokeIntakeLinkSchema.shape.reason, o.reason);
    await withBackend(ctx, cmd, out, async (b) => {
      const l = must(out, await b.revokeIntakeLink({ params: { linkId }, body: reason === undefined ? {} : { reason } }));
      emit(
        out,
        l,
        () =>
          `Revoked the intake link "${l.label}" of ${l.clientName}: its form now answers "not found".\n${facts([['Submissions', String(l.submissions)]])}`,
      );
    });
  });
}
