import type { Command } from 'commander';
import { InviteSchema, RoleSchema } from '../contract/auth.js';
import type { Role } from '../domain/roles.js';
import { personJson } from '../present/api-json.js';
import type { Backend, InviteBody, PersonJson } from './backend.js';
import { addActingOptions, databaseOnly, globalsOf, urlOption, withBackend } from './connect.js';
import { roleWord } from './format.js';
import { badOption, parseOption, withFlags } from './options.js';
import { emit, fail, type Output, outputOf, table } from './output.js';
import { canPrompt, promptSecret, readStdin } from './prompt.js';
import { type CliContext, withSession } from './session.js';
import { must } from './targets.js';
import { terminalConfig } from './terminal.js';

const invite = InviteSchema.shape;
const personFlags = { email: '--email', name: '--name', timeZone: '--time-zone', password: '--password-stdin' };

/** A role for people: "cadence owner on Keller Haushaltsgeräte GmbH (all programs)", "observer on HM-WINCH3". */
const membershipText = (m: PersonJson['memberships'][number]) =>
  `${roleWord(m.role)} on ${m.programCode ?? (m.clientName ? `${m.clientName} (all programs)` : (m.clientId ?? m.programId))}`;

function peopleTable(people: readonly PersonJson[]): string {
  return table(
    ['Name', 'E-mail', 'Status', 'Admin', 'Roles'],
    people.map((p) => [p.name, p.email, p.status, p.isAdmin ? 'yes' : 'no', p.memberships.map(membershipText).join('\n') || '—']),
    { maxWidths: [undefined, undefined, undefined, undefined, 60] },
  );
}

/**
 * The new person's password: piped in with --password-stdin, typed twice at a terminal, or none
 * with --no-password (they sign in through the identity provider).
 */
async function passwordOf(out: Output, o: { passwordStdin?: boolean; password?: boolean }): Promise<string | undefined> {
  if (o.passwordStdin && o.password === false)
    badOption(out, '--password-stdin', 'Give either --password-stdin or --no-password, not both.');
  if (o.passwordStdin) return readStdin();
  if (o.password === false) return undefined;
  if (!canPrompt()) {
    return badOption(
      out,
      '--password-stdin',
      'No terminal to ask for the password: pipe it in with --password-stdin, or give --no-password (sign-in through the identity provider only).',
    );
  }
  const first = await promptSecret('Password for the new account: ');
  if ((await promptSecret('The same password again: ')) !== first) badOption(out, '--password-stdin', 'The two passwords differ.');
  return first;
}

type GrantEvent = { readonly flag: '--role' | '--client' | '--program'; readonly value: string };

/** --role r --client c / --role r --program p, in the order given, as the invite's role grants. */
async function grantsOf(out: Output, b: Backend, events: readonly GrantEvent[]): Promise<InviteBody['roles']> {
  const grants: { role: Role; client?: string; program?: string }[] = [];
  for (const e of events) {
    const last = grants.at(-1);
    if (e.flag === '--role')
      grants.push({ role: parseOption(out, '--role', RoleSchema, e.value, `Must be one of: ${RoleSchema.options.join(', ')}.`) });
    else if (!last || last.client !== undefined || last.program !== undefined)
      badOption(out, e.flag, `Give ${e.flag} right after the --role it belongs to: --role <role> ${e.flag} <…>.`, e.value);
    else if (e.flag === '--client') last.client = e.value;
    else last.program = e.value;
  }
  const open = grants.find((g) => g.client === undefined && g.program === undefined);
  if (open) badOption(out, '--role', 'Each --role needs a --client (all its programs) or a --program right after it.', open.role);
  if (!grants.some((g) => g.client !== undefined)) return grants.map((g) => ({ role: g.role, programId: g.program as string }));
  const clients = must(out, await b.listClients()).items;
  return grants.map((g) => {
    if (g.program !== undefined) return { role: g.role, programId: g.program };
    const wanted = (g.client as string).trim().toLowerCase();
    const client = clients.find((c) => c.id === g.client || c.name.toLowerCase() === wanted);
    if (!client) {
      const known = clients.length ? `Clients: ${clients.map((c) => c.name).join(', ')}.` : 'There are no clients yet.';
      return badOption(out, '--client', `No client with this id or name. ${known}`, g.client);
    }
    return { role: g.role, clientId: client.id };
  });
}

export function registerUserCommands(cli: Command, ctx: CliContext): void {
  const users = cli.command('users').alias('user').description('People, their roles and invitations (admins)');

  addActingOptions(
    users
      .command('list', { isDefault: true })
      .description('Everyone in the workspace with their status and roles (admins)')
      .option('--json', "print the API's JSON ({ items: Person[] })"),
  ).action(async (o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const { items } = must(out, await b.listPeople());
      emit(out, { items }, () => peopleTable(items));
    });
  });

  addActingOptions(
    users
      .command('add')
      .description('Add an active person on the database: the first admin of a new workspace, or anyone when an admin acts (--as)')
      .option('--email <email>', 'their email address, which they sign in with (required)')
      .option('--name <name>', 'their name as colleagues read it (required)')
      .option('--admin', 'make them a workspace admin (manages people, roles, clients and programs)')
      .option('--time-zone <zone>', 'their IANA time zone, e.g. Europe/Berlin (default UTC)')
      .option('--password-stdin', 'read their password from stdin (otherwise it is asked for at the terminal)')
      .option('--no-password', 'no password: they sign in through the identity provider only')
      .option('--json', "print the person as the API's JSON (Person)")
      .addHelpText(
        'after',
        '\nThe first admin of an empty workspace is added without anyone acting; after that an admin adds people:\n' +
          '  echo "$ADMIN_PASSWORD" | tollgate user add --email ada@example.com --name "Ada Lovelace" --admin --password-stdin\n' +
          '  tollgate --as ada@example.com user add --email sam@example.com --name "Sam Reed" --no-password\n' +
          'Most people are better invited (`tollgate user invite`): they choose their own password.',
      ),
    { server: false },
  ).action(
    async (
      o: { email?: string; name?: string; admin?: boolean; timeZone?: string; passwordStdin?: boolean; password?: boolean; json?: boolean },
      cmd: Command,
    ) => {
      const out = outputOf(o);
      databaseOnly(cmd, out, 'user add works on the database; over the API, invite people with `tollgate user invite`.');
      const email = parseOption(out, '--email', invite.email, o.email);
      const name = parseOption(out, '--name', invite.name, o.name);
      const timeZone = parseOption(out, '--time-zone', invite.timeZone, o.timeZone);
      const as = globalsOf(cmd).as ?? terminalConfig().actAs;
      const password = await passwordOf(out, o);
      await withSession(
        ctx,
        async (s) => {
          if (!s.actor.ok) return fail(out, s.actor.error);
          const actor = s.actor.value;
          if (!actor && !o.admin) {
            fail(out, {
              code: 'UNAUTHENTICATED',
              message:
                'say who you are: --as <email> of an admin, or TOLLGATE_AS. Without anyone acting, only the first admin can be added (--admin).',
            });
          }
          // Loaded here: it brings the common-passwords list, which every other command's start would pay for.
          const { createPerson } = await import('../app/people/create-person.js');
          const r = await createPerson(s.deps, { actor, email, name, timeZone, password, isAdmin: o.admin === true });
          if (!r.ok) return fail(out, withFlags(r.error, personFlags));
          const u = r.value;
          emit(out, personJson(u, []), () =>
            [
              `Added ${u.name} <${u.email}>${u.isAdmin ? (actor ? ' as an admin' : ' as the first admin') : ''}.`,
              password === undefined
                ? '  No password: they sign in through the identity provider.'
                : `  They sign in with this email and password; on the command line: tollgate --as ${u.email} …`,
            ].join('\n'),
          );
        },
        as,
      );
    },
  );

  const events: GrantEvent[] = [];
  const collect = (flag: GrantEvent['flag']) => (value: string) => {
    events.push({ flag, value });
    return value;
  };
  addActingOptions(
    users
      .command('invite')
      .description('Invite a person with their roles (admins); prints the link to send them')
      .option('--email <email>', 'their email address (required)')
      .option('--name <name>', 'their name (required)')
      .option('--admin', 'make them a workspace admin')
      .option('--time-zone <zone>', 'their IANA time zone, e.g. Asia/Shanghai')
      .option('--role <role>', `a role to give: ${RoleSchema.options.join(', ')}; follow it with --client or --program`, collect('--role'))
      .option('--client <client>', 'the role holds on every program of this client (id or name)', collect('--client'))
      .option('--program <program>', 'the role holds on this program (code or id)', collect('--program'))
      .option('--base-url <url>', 'on the database: the address people open Tollgate at (default: $TOLLGATE_PUBLIC_URL)')
      .option('--json', "print the API's JSON (Invitation: userId, inviteUrl, expiresAt)")
      .addHelpText(
        'after',
        '\nExample:\n  tollgate user invite --email sam@example.com --name "Sam Reed" \\\n' +
          '    --role cadence_owner --client "Keller Haushaltsgeräte GmbH" --role observer --program HM-WINCH3\n' +
          'The link is valid for 7 days and can be used once; they choose a password there.',
      ),
  ).action(
    async (o: { email?: string; name?: string; admin?: boolean; timeZone?: string; baseUrl?: string; json?: boolean }, cmd: Command) => {
      const out = outputOf(o);
      const email = parseOption(out, '--email', invite.email, o.email);
      const name = parseOption(out, '--name', invite.name, o.name);
      const timeZone = parseOption(out, '--time-zone', invite.timeZone, o.timeZone);
      const baseUrl = o.baseUrl === undefined ? terminalConfig().publicUrl : urlOption(out, '--base-url', o.baseUrl);
      await withBackend(ctx, cmd, out, async (b) => {
        if (b.kind === 'database' && !baseUrl) {
          badOption(
            out,
            '--base-url',
            'Give the address people open Tollgate at, e.g. https://tollgate.example.com (or set TOLLGATE_PUBLIC_URL).',
          );
        }
        const roles = await grantsOf(out, b, events);
        const r = await b.invitePerson({ email, name, isAdmin: o.admin === true, timeZone, roles }, baseUrl);
        const v = must(
          out,
          r.ok ? r : { ok: false, error: withFlags(r.error, { ...personFlags, clientId: '--client', programId: '--program' }) },
        );
        const held = roles.length ? ` with ${roles.length} role${roles.length === 1 ? '' : 's'}` : '';
        emit(out, v, () =>
          [
            `Invited ${name} <${email.toLowerCase()}>${o.admin ? ' (admin)' : ''}${held}.`,
            `Send them this link; it can be used once, until ${v.expiresAt}:`,
            `  ${v.inviteUrl}`,
          ].join('\n'),
        );
      });
    },
  );
}
