import { z } from 'zod';
import { PersonRefSchema, PlainDateSchema } from './common.js';
import { CursorSchema, NextCursorSchema, pageLimit } from './paging.js';

export const NeedsOwnerItemSchema = z
  .object({
    kind: z.enum(['milestone', 'decision', 'action']),
    id: z.string(),
    key: z.string().meta({ description: 'M-n, D-n or A-n within the program' }),
    title: z.string().meta({ description: "The milestone's name, the decision's statement, the action's title" }),
    lacks: z.array(z.enum(['owner', 'due_date'])).meta({ description: 'What it still needs: an owner, a due date, or both' }),
    owner: PersonRefSchema.nullable(),
    dueDate: PlainDateSchema.nullable().meta({ description: "A milestone's due date is its planned (baseline) date" }),
  })
  .meta({ id: 'NeedsOwnerItem' });
export type NeedsOwnerItem = z.infer<typeof NeedsOwnerItemSchema>;

export const NeedsOwnerPageSchema = z.object({ items: z.array(NeedsOwnerItemSchema), nextCursor: NextCursorSchema });

export const NeedsOwnerQuerySchema = z.object({ limit: pageLimit(50, 200), cursor: CursorSchema.optional() }).strict();
