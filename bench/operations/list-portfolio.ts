import type { AppDeps } from '../../src/app/deps.js';
import { listPrograms } from '../../src/app/list-programs.js';
import type { Reads } from '../../src/app/ports.js';
import { defineOperation } from './types.js';

/** The same dependencies, with the store's reads counted by name (the real store does the work). */
export function countingReads(deps: AppDeps): { deps: AppDeps; calls: Map<string, number>; rows: Map<string, number> } {
  const calls = new Map<string, number>();
  const rows = new Map<string, number>();
  const reads = new Proxy(deps.store.reads, {
    get(target, name, receiver) {
      const v = Reflect.get(target, name, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        calls.set(String(name), (calls.get(String(name)) ?? 0) + 1);
        const answer = v.apply(target, args);
        if (answer instanceof Promise)
          void answer.then((r: unknown) => {
            if (Array.isArray(r)) rows.set(String(name), (rows.get(String(name)) ?? 0) + r.length);
          });
        return answer;
      };
    },
  }) as Reads;
  const store = new Proxy(deps.store, {
    get: (target, name, receiver) => (name === 'reads' ? reads : Reflect.get(target, name, receiver)),
  });
  return { deps: { ...deps, store }, calls, rows };
}

/** The portfolio page for a person who sees all of it: every program with its derived health (gate readiness included) and next milestone. */
export const listPortfolio = defineOperation({
  name: 'list-portfolio',
  description: 'listPrograms as the lead (sees every program): every program with health and gate readiness (the portfolio page)',
  targetP95Ms: 100,
  // One untimed call with the store's reads counted: the page reads each kind of record for all
  // programs at once, so the count stays the same at 10 programs or 1,000 (no read per program).
  async setup(ctx) {
    const { deps, calls, rows } = countingReads(ctx.deps);
    const programs = (await listPrograms(deps, { actor: ctx.actor })).length;
    const total = [...calls.values()].reduce((a, b) => a + b, 0);
    const read = (name: string) => rows.get(name) ?? 0;
    ctx.note(
      `one call reads the store ${total} times for ${programs} programs, ${read('listGatesOfPrograms')} gates and ` +
        `${read('listOpenRequiredItemsOfPrograms')} open required checklist items ` +
        `(${[...calls].map(([name, n]) => (n === 1 ? name : `${name} ×${n}`)).join(', ')})`,
    );
  },
  run: async (ctx) => (await listPrograms(ctx.deps, { actor: ctx.actor })).length,
});
