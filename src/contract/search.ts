import { z } from 'zod';
import { ShortText } from './common.js';

/** The longest query a search takes, in characters (after trimming). */
export const searchQueryMax = 100;
/** The most hits of one kind an answer holds (`limit`), and the default. */
export const searchLimitMax = 50;
export const searchLimitDefault = 10;

export const searchKinds = ['program', 'milestone', 'decision', 'risk', 'action'] as const;
export const SearchKindSchema = z.enum(searchKinds);
export type SearchKind = z.infer<typeof SearchKindSchema>;

export const SearchQuerySchema = z
  .object({
    q: ShortText(searchQueryMax)
      .min(1, 'Type a word, a key (M-12) or a program code.')
      .meta({
        description: `A key (M-12, D-3), a program code, or words found in names, titles and statements; 1 to ${searchQueryMax} characters`,
      }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(searchLimitMax)
      .default(searchLimitDefault)
      .meta({ description: `At most this many hits of each kind, 1 to ${searchLimitMax} (default ${searchLimitDefault})` }),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchHitSchema = z
  .object({
    kind: SearchKindSchema,
    programCode: z.string(),
    programName: z.string(),
    key: z.string().nullable().meta({ description: "The record's key (M-12); null for a program" }),
    title: z.string().meta({ description: "A program's or milestone's name, a decision's statement, a risk's or action's title" }),
    status: z.string().meta({ description: "The record's status as its own list shows it (open, closed, done, active, …)" }),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchGroupSchema = z.object({
  kind: SearchKindSchema,
  items: z.array(SearchHitSchema),
  hasMore: z.boolean().meta({ description: 'More hits of this kind than `limit`: narrow the words to see them' }),
});

export const SearchResultsSchema = z
  .object({
    q: z.string().meta({ description: 'The query as searched (trimmed)' }),
    groups: z
      .array(SearchGroupSchema)
      .meta({ description: 'One group per kind, always in the order program, milestone, decision, risk, action' }),
  })
  .meta({ id: 'SearchResults' });
export type SearchResults = z.infer<typeof SearchResultsSchema>;
