import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UpdateLinkSchema } from '../../../src/contract/update-request.js';
import { request } from '../lib/http.js';

export type UpdateLink = z.infer<typeof UpdateLinkSchema>;
export type LinkItem = UpdateLink['items'][number];

// The signed link's own routes (src/http/routes/update-links.ts): outside the operation table, which is for
// people signed in; the token in the path is the credential.
const linkPath = (token: string) => `/api/v1/update-links/${encodeURIComponent(token)}`;
const itemPath = (token: string, itemId: string, what: string) => `${linkPath(token)}/items/${encodeURIComponent(itemId)}/${what}`;

export const updateLinkKey = (token: string) => ['update-link', token] as const;

export const updateLinkApi = {
  open: (token: string, signal?: AbortSignal) => request<UpdateLink>('GET', linkPath(token), undefined, signal),
  confirm: (token: string, itemId: string) => request<UpdateLink>('POST', itemPath(token, itemId, 'confirm')),
  move: (token: string, itemId: string, body: { forecastDate: string; reason: string; version: number }) =>
    request<UpdateLink>('POST', itemPath(token, itemId, 'forecast'), body),
  done: (token: string, itemId: string, body: { note: string; version: number }) =>
    request<UpdateLink>('POST', itemPath(token, itemId, 'done'), body),
  evidence: (token: string, itemId: string, file: File, title: string) => {
    const form = new FormData();
    if (title.trim()) form.append('title', title.trim());
    form.append('file', file);
    return request<UpdateLink>('POST', itemPath(token, itemId, 'evidence'), form);
  },
};

export const useUpdateLink = (token: string) =>
  useQuery({ queryKey: updateLinkKey(token), queryFn: ({ signal }) => updateLinkApi.open(token, signal) });
