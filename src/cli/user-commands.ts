import type { Command } from 'commander';
import { listUsers } from '../app/list-users.js';
import { userJson } from '../present/api-json.js';
import { emit, outputOf, table } from './output.js';
import { type CliContext, withSession } from './session.js';

export function registerUserCommands(cli: Command, ctx: CliContext): void {
  const users = cli.command('users').description('People who can own programs and milestones');
  users
    .command('list', { isDefault: true })
    .description('Everyone, with the e-mail address to give as --owner')
    .option('--json', "print the API's JSON ({ items: User[] })")
    .action(async (o: { json?: boolean }) => {
      const out = outputOf(o);
      await withSession(ctx, async (s) => {
        const people = await listUsers(s.deps);
        emit(out, { items: people.map(userJson) }, () =>
          table(
            ['Name', 'E-mail', 'Time zone', 'Locale'],
            people.map((u) => [u.name, u.email, u.timeZone, u.locale]),
          ),
        );
      });
    });
}
