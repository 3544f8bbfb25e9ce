import { hostname } from 'node:os';
import type { Command } from 'commander';
import { CreateTokenSchema, LoginSchema } from '../contract/auth.js';
import { ok, type Result, refuse } from '../domain/result.js';
import type { ApiTokenJson, MeJson } from './backend.js';
import { addActingOptions, globalsOf, urlOption, withBackend } from './connect.js';
import { type Credentials, credentialsPath, deleteCredentials, readCredentials, writeCredentials } from './credentials.js';
import { minuteUtc, roleWord } from './format.js';
import { badOption, parseIntOption, parseOption, withFlags } from './options.js';
import { emit, fail, type Output, outputOf, table } from './output.js';
import { canPrompt, promptLine, promptSecret, readStdin } from './prompt.js';
import { serverBackend, signInForToken } from './server-backend.js';
import type { CliContext } from './session.js';
import { must } from './targets.js';
import { terminal, terminalConfig } from './terminal.js';

/** How long the token `tollgate login` creates lives. */
const loginTokenDays = 90;

const day = (iso: string) => iso.slice(0, 10);

function meText(me: MeJson, where: string): string {
  const roles = me.memberships.map((m) => `${roleWord(m.role)} on ${m.programCode ?? `${m.clientName ?? m.clientId} (all programs)`}`);
  return [
    `${me.name} <${me.email}>${me.isAdmin ? ', workspace admin' : ''}`,
    `  roles: ${roles.length ? roles.join('; ') : 'none'}`,
    `  working on ${where}`,
  ].join('\n');
}

/** An account change's refusal names the options typed, not the API's fields. */
const accountFlags = {
  name: '--name',
  timeZone: '--time-zone',
  hasLeadershipMail: '--leadership-mail',
  version: 'your account (read it again and retry)',
};

const tokenStatus = (t: ApiTokenJson, now: string) => (t.revokedAt ? 'revoked' : t.expiresAt <= now ? 'expired' : 'active');

/** The email to sign in with: --email, or asked at the terminal. */
async function emailOf(out: Output, given: string | undefined, passwordFromStdin: boolean): Promise<string> {
  if (given !== undefined) return parseOption(out, '--email', LoginSchema.shape.email, given.trim());
  if (passwordFromStdin || !canPrompt()) return badOption(out, '--email', 'This option is required without a terminal to ask at.');
  return parseOption(out, '--email', LoginSchema.shape.email, await promptLine('Email: '));
}

/** Revokes the token of earlier credentials after a new login; whatever happens, the new login stands. */
async function revokeQuietly(c: Credentials): Promise<void> {
  if (!c.tokenId) return;
  await serverBackend({ server: c.server, token: c.token, signInHint: '' }).revokeToken({ params: { tokenId: c.tokenId } });
}

export function registerAccountCommands(cli: Command, ctx: CliContext): void {
  cli
    .command('login')
    .description('Sign in to a Tollgate server; the CLI keeps a personal API token for it, and commands then work over its API')
    .option('--server <url>', 'the address of the Tollgate server (default: $TOLLGATE_SERVER)')
    .option('--email <email>', 'the email you sign in with (asked at the terminal when not given)')
    .option('--password-stdin', 'read the password from stdin, for scripts (otherwise it is asked for without echo)')
    .option('--json', "print { server, me, apiToken } as JSON (the stored token's id, name and expiry; never its secret)")
    .addHelpText(
      'after',
      `\nThe token is named "tollgate CLI on <this host>", lives ${loginTokenDays} days and is stored in\n` +
        '$TOLLGATE_CONFIG_DIR/credentials.json (default ~/.config/tollgate/), readable by you only.\n' +
        '`tollgate logout` revokes it and deletes the file.\n\nExample:\n  tollgate login --server https://tollgate.example.com --email lead@example.com',
    )
    .action(async (o: { email?: string; passwordStdin?: boolean; json?: boolean }, cmd: Command) => {
      const out = outputOf(o);
      const config = terminalConfig();
      const given = globalsOf(cmd).server ?? config.server;
      if (given === undefined) badOption(out, '--server', 'Give the address of the Tollgate server, e.g. https://tollgate.example.com.');
      const server = urlOption(out, '--server', given as string);
      const { protocol, hostname: host } = new URL(server);
      if (protocol === 'http:' && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(host)) {
        terminal().stderr.write(`warning: ${server} is not encrypted: the password and the token cross the network readable. Use https.\n`);
      }
      const email = await emailOf(out, o.email, o.passwordStdin === true);
      const password = o.passwordStdin ? await readStdin() : canPrompt() ? await promptSecret('Password: ') : '';
      if (!password) {
        badOption(
          out,
          '--password-stdin',
          o.passwordStdin || canPrompt()
            ? 'The password is empty.'
            : 'No terminal to ask for the password: pipe it in with --password-stdin.',
        );
      }
      const r = await signInForToken(server, {
        email,
        password,
        tokenName: `tollgate CLI on ${hostname()}`,
        expiresInDays: loginTokenDays,
      });
      if (!r.ok) return fail(out, r.error);
      const { me, item, token } = r.value;
      let previous: Credentials | null = null;
      try {
        previous = readCredentials(config.configDir);
      } catch {
        // An unreadable file is replaced below.
      }
      const path = writeCredentials(config.configDir, { server, token, email: me.email, tokenId: item.id });
      if (previous && previous.token !== token) await revokeQuietly(previous);
      emit(out, { server, me, apiToken: item }, () =>
        [
          `Signed in to ${server} as ${me.name} <${me.email}>.`,
          `  The CLI's API token "${item.name}" (valid until ${day(item.expiresAt)}) is stored in ${path}.`,
          "  Commands now work over this server's API; `tollgate logout` revokes the token.",
        ].join('\n'),
      );
    });

  cli
    .command('logout')
    .description('Revoke the API token `tollgate login` stored, and delete it')
    .option('--json', 'print { server, revoked, removed } as JSON')
    .action(async (o: { json?: boolean }) => {
      const out = outputOf(o);
      const { configDir } = terminalConfig();
      const c = readCredentials(configDir);
      if (!c) {
        emit(out, { server: null, revoked: false, removed: false }, () => `Not signed in (no ${credentialsPath(configDir)}).`);
        return;
      }
      const b = serverBackend({ server: c.server, token: c.token, signInHint: '' });
      // Credentials without the token's id (written by hand): the token is found by its first characters.
      const listed = c.tokenId ? ok({ items: [] }) : await b.listTokens();
      const tokenId =
        c.tokenId ?? (listed.ok ? listed.value.items.find((t) => c.token.startsWith(t.prefix) && !t.revokedAt)?.id : undefined);
      const r: Result<unknown> = tokenId
        ? await b.revokeToken({ params: { tokenId } })
        : listed.ok
          ? refuse('TOKEN_NOT_FOUND', 'The token is not listed.')
          : listed;
      // A token the server no longer accepts (revoked, expired, its person removed) has ended already.
      const ended = r.ok || r.error.code === 'UNAUTHENTICATED' || r.error.code === 'TOKEN_NOT_FOUND';
      if (!ended) {
        return fail(out, {
          ...r.error,
          message: `${r.error.message} The token is not revoked, so ${credentialsPath(configDir)} is kept: try again, or revoke it in the web app and delete the file.`,
        });
      }
      deleteCredentials(configDir);
      emit(out, { server: c.server, revoked: r.ok, removed: true }, () =>
        r.ok
          ? `Signed out of ${c.server}: the CLI's token is revoked and its credentials deleted.`
          : `Signed out of ${c.server}: the token had already ended; its credentials are deleted.`,
      );
    });

  addActingOptions(
    cli
      .command('whoami')
      .description('Who the commands act as, with their roles, and where they work (the database or a server)')
      .option('--json', 'print the person (as GET /api/v1/me, without csrfToken/via) and { connection }'),
  ).action(async (o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const me = must(out, await b.me());
      const connection = b.kind === 'server' ? { kind: b.kind, server: b.where } : { kind: b.kind, location: b.where };
      const where = b.kind === 'server' ? `the server ${b.where}, with a personal API token` : `the database ${b.where} (--as)`;
      emit(out, { ...me, connection }, () => meText(me, where));
    });
  });

  const account = cli.command('account').description('Your own account: your name, and the time zone every time is shown to you in');

  addActingOptions(
    account
      .command('set')
      .description('Change your own name or time zone (anyone may change theirs; nobody else’s)')
      .option('--name <name>', 'your name as colleagues read it')
      .option('--time-zone <zone>', 'the IANA time zone every time is shown to you in, e.g. Asia/Shanghai')
      .option('--leadership-mail <on|off>', "on: e-mail me last week's leadership view every Monday at 08:00 in my time zone")
      .option('--json', 'print the person as GET /api/v1/me answers (without csrfToken/via)')
      .addHelpText('after', '\nExample:\n  tollgate account set --time-zone Asia/Shanghai\n  tollgate account set --name "Lin Wei-Hart"'),
  ).action(async (o: { name?: string; timeZone?: string; leadershipMail?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    if (o.name === undefined && o.timeZone === undefined && o.leadershipMail === undefined)
      badOption(out, '--name', 'Give --name, --time-zone or both.');
    const mail = o.leadershipMail?.trim().toLowerCase();
    const hasLeadershipMail =
      mail === undefined
        ? undefined
        : mail === 'on'
          ? true
          : mail === 'off'
            ? false
            : badOption(out, '--leadership-mail', 'Give on or off.', o.leadershipMail);
    await withBackend(ctx, cmd, out, async (b) => {
      const before = must(out, await b.me());
      const r = await b.updateMe({ body: { version: before.version, name: o.name, timeZone: o.timeZone, hasLeadershipMail } });
      if (!r.ok) return fail(out, withFlags(r.error, accountFlags));
      const { csrfToken: _c, via: _v, ...me } = r.value;
      emit(out, me, () =>
        [
          before.name === me.name && before.timeZone === me.timeZone && before.hasLeadershipMail === me.hasLeadershipMail
            ? 'Nothing changed:'
            : 'Saved:',
          `${me.name} <${me.email}>, time zone ${me.timeZone} (every time is shown to you in it).`,
          ...(me.hasLeadershipMail ? ['The leadership view is e-mailed to you every Monday at 08:00.'] : []),
        ].join(' '),
      );
    });
  });

  const tokens = cli.command('token').alias('tokens').description('Your personal API tokens, for scripts and integrations');
  const tokenSchema = CreateTokenSchema.shape;

  addActingOptions(
    tokens
      .command('create')
      .description('Create a personal API token; it is shown once')
      .option('--name <name>', 'what it is for, e.g. "ERP export" (required)')
      .option('--days <n>', 'how many days it lives, 1-366 (default 90)')
      .option('--json', "print the API's JSON ({ token, item: ApiToken }); the token is in it, once")
      .addHelpText(
        'after',
        '\nUse it as `Authorization: Bearer <token>` on the API, or with the CLI:\n  TOLLGATE_SERVER=<url> TOLLGATE_TOKEN=<token> tollgate programs list',
      ),
  ).action(async (o: { name?: string; days?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const name = parseOption(out, '--name', tokenSchema.name, o.name);
    const expiresInDays =
      o.days === undefined
        ? 90
        : parseIntOption(out, '--days', tokenSchema.expiresInDays, o.days, 'Must be a whole number of days from 1 to 366.');
    await withBackend(ctx, cmd, out, async (b) => {
      const created = must(out, await b.createToken({ body: { name, expiresInDays } }));
      emit(out, created, () =>
        [
          `Created the API token "${created.item.name}" (id ${created.item.id}), valid until ${day(created.item.expiresAt)}.`,
          'It is shown only this once; store it now:',
          '',
          `  ${created.token}`,
          '',
          'Send it as `Authorization: Bearer <token>`. Revoke it with `tollgate token revoke <id>`.',
        ].join('\n'),
      );
    });
  });

  addActingOptions(
    tokens
      .command('list', { isDefault: true })
      .description('Your API tokens: name, first characters, expiry, last use (never the secrets)')
      .option('--json', "print the API's JSON ({ items: ApiToken[] })"),
  ).action(async (o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      const { items } = must(out, await b.listTokens());
      const now = new Date().toISOString();
      emit(out, { items }, () =>
        items.length === 0
          ? 'No API tokens. Create one with `tollgate token create --name <what it is for>`.'
          : table(
              ['Id', 'Name', 'Starts with', 'Created', 'Expires', 'Last used', 'Status'],
              items.map((t) => [
                t.id,
                t.name,
                `${t.prefix}…`,
                day(t.createdAt),
                day(t.expiresAt),
                t.lastUsedAt ? minuteUtc(t.lastUsedAt) : null,
                tokenStatus(t, now),
              ]),
            ),
      );
    });
  });

  addActingOptions(
    tokens
      .command('revoke')
      .description('Revoke one of your API tokens; it stops working at once')
      .argument('<id>', 'the token id, as `tollgate token list` shows it')
      .option('--json', 'print { ok: true }'),
  ).action(async (id: string, o: { json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    await withBackend(ctx, cmd, out, async (b) => {
      must(out, await b.revokeToken({ params: { tokenId: id.trim() } }));
      emit(out, { ok: true }, () => `Revoked the API token ${id.trim()}.`);
    });
  });
}
