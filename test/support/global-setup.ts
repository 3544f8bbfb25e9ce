import type { TestProject } from 'vitest/node';
import { type DemoTemplates, startDemoTemplates } from './demo-template.js';

// Several projects (api, cli, e2e) name this file; they run in one process and share one load.
const shared = globalThis as { tollgateDemo?: { templates: DemoTemplates; remove(): Promise<void> }; tollgateDemoUsers?: number };

/**
 * Once per run: the demo portfolio loaded into one SQLite file and one PostgreSQL database, which the
 * test files copy (a file copy, CREATE DATABASE … TEMPLATE) instead of loading the demo again. The load
 * starts here and goes on while the first files run; a file that copies the demo waits for it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.tollgateDemo ??= startDemoTemplates();
  shared.tollgateDemoUsers = (shared.tollgateDemoUsers ?? 0) + 1;
  const made = shared.tollgateDemo;
  project.provide('demoTemplates', made.templates);
  return async () => {
    shared.tollgateDemoUsers = (shared.tollgateDemoUsers ?? 1) - 1;
    if (shared.tollgateDemoUsers === 0) await made.remove();
  };
}
