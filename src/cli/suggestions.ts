import type { Command } from 'commander';

/** Commander's own "unknown command" error, with its "(Did you mean …?)" suggestion; not in its typings. */
type WithUnknownCommand = Command & { unknownCommand(): void };

/**
 * A mistyped subcommand of a group with a default (`programs lst`) reaches the default command as an
 * argument and is refused as "too many arguments"; this makes it an unknown command with the closest
 * name suggested, as every other mistyped command is. Applied to the whole tree, after registration.
 */
export function suggestMistypedSubcommands(cmd: Command): void {
  if (cmd.commands.length === 0) return;
  for (const sub of cmd.commands) suggestMistypedSubcommands(sub);
  cmd.hook('preSubcommand', (group, sub) => {
    const first = group.args[0];
    const isNamed = first === sub.name() || sub.aliases().includes(first ?? '');
    if (first !== undefined && !first.startsWith('-') && !isNamed && sub.registeredArguments.length === 0) {
      (group as WithUnknownCommand).unknownCommand();
    }
  });
}
