import { searchRecords } from '../app/search/search-records.js';
import type { searchOperations } from '../contract/operations/search.js';
import { ok } from '../domain/result.js';
import type { Bindings } from './binding.js';

/** Search (contract/operations/search.ts). */
export const searchBindings: Bindings<keyof typeof searchOperations> = {
  search: async ({ app, actor }, { query }) => {
    const view = await searchRecords(app, { actor, q: query.q, limit: query.limit });
    return ok({
      q: view.q,
      groups: view.groups.map((g) => ({
        kind: g.kind,
        hasMore: g.hasMore,
        items: g.items.map((h) => ({
          kind: h.kind,
          programCode: h.program.code,
          programName: h.program.name,
          key: h.key,
          title: h.title,
          status: h.status,
        })),
      })),
    });
  },
};
