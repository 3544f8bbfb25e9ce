import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The files that drive Chromium against a real server: 20–70 s each, the longest of the suite by far. */
const isBrowserFile = (file: TestSpecification): boolean => /\/test\/(e2e|oidc)\//.test(file.moduleId);

/** The unit and web projects: no server, no database of their own, never the demo. */
const isDemoFree = (file: TestSpecification): boolean => file.project.name === 'unit' || file.project.name === 'web';

/**
 * The unit and web files first, always: they need no demo, so they run while the demo templates load
 * (test/support/global-setup.ts; ~15 s), where the integration files would wait for it. Then Vitest's
 * order, except on a run with no timings kept from an earlier one (a fresh clone, CI): then it starts
 * the larger files first, and the browser files, short in lines but long in time, come mid-way; one of
 * them starting last keeps one worker busy while the other idles. Browser files first (longest first is
 * the classic way to end two workers together); with kept timings, Vitest's own longest-first.
 */
export class BrowserFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const timed = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`) !== undefined;
    const demoFree = sorted.filter(isDemoFree);
    const rest = sorted.filter((file) => !isDemoFree(file));
    if (rest.every(timed)) return [...demoFree, ...rest];
    return [...demoFree, ...rest.filter(isBrowserFile), ...rest.filter((file) => !isBrowserFile(file))];
  }
}
