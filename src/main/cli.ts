import { Command, CommanderError } from 'commander';
import { registerServerCommands } from '../cli/server-commands.js';
import { ConfigError } from '../config/config.js';
import { packageVersion } from './compose.js';

/** The `tollgate` command line. */
export async function runCli(argv: string[]): Promise<void> {
  const program = new Command('tollgate')
    .description('Tollgate: production milestone management for manufacturing programs')
    .version(packageVersion())
    .showHelpAfterError()
    .exitOverride();
  registerServerCommands(program);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) process.exit(e.exitCode);
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}

await runCli(process.argv);
