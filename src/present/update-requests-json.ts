import type { z } from 'zod';
import type { UpdateRequestList } from '../app/update-requests/list-update-requests.js';
import type { UpdateLinkView } from '../app/update-requests/update-link.js';
import type { UpdateLinkSchema, UpdateRequestListSchema } from '../contract/update-request.js';

/** A week's update requests as the API answers them. */
export const updateRequestListJson = (v: UpdateRequestList): z.output<typeof UpdateRequestListSchema> => ({
  programId: v.programId,
  programCode: v.programCode,
  week: v.week,
  requests: v.requests.map((r) => ({
    ...r,
    owner: { ...r.owner },
    items: r.items.map((i) => ({ ...i })),
    answeredItemIds: [...r.answeredItemIds],
    link: r.link ? { ...r.link } : null,
  })),
});

/** What a signed link opens, as its page reads it. */
export const updateLinkJson = (v: UpdateLinkView): z.output<typeof UpdateLinkSchema> => ({
  ...v,
  person: { ...v.person },
  program: { ...v.program },
  items: v.items.map((i) => ({ ...i })),
});
