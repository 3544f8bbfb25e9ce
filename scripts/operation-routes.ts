// Writes web/src/lib/operation-routes.ts: each operation's method and path, from the contract's table
// (src/contract/operations.ts). The web app calls the API through these two strings only; importing the
// table itself would bring every operation's zod schemas into the code every page loads and runs first
// (~80 files, ~380 KB of source). `npm run routes` after adding or changing an operation; the web
// project's test operation-routes.test.ts fails while the file and the table differ.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { operationRoutesSource } from '../web/src/lib/operation-routes-source.js';

const target = fileURLToPath(new URL('../web/src/lib/operation-routes.ts', import.meta.url));
writeFileSync(target, operationRoutesSource());
console.log(`wrote ${target}`);
