import { defineOperations } from '../operation.js';
import { SearchQuerySchema, SearchResultsSchema } from '../search.js';

/** Finding records by key or words across the programs the reader sees. */
export const searchOperations = defineOperations({
  search: {
    method: 'GET',
    path: '/search',
    tags: ['search'],
    summary: 'Find programs, milestones, decisions, risks and actions by key or words, in the programs you see',
    description:
      'A query equal to a key (M-12) finds that record in every program you see; otherwise every word must occur in the name, title or statement (case-insensitive; % and _ are plain characters). Programs match on code or name.',
    query: SearchQuerySchema,
    status: 200,
    response: SearchResultsSchema,
    refusals: [401],
  },
});
