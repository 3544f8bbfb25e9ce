import { runCli } from './run-cli.js';

// The `tollgate` binary (bin/tollgate.js loads the build of this file): the process's arguments,
// streams and environment; the exit status once everything is written.
process.exitCode = await runCli(process.argv);
