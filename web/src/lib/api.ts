import type { z } from 'zod';
import type { ChangeListSchema } from '../../../src/contract/change.js';
import type { Problem } from '../../../src/contract/common.js';
import type {
  CompleteMilestone,
  CreateMilestone,
  Milestone,
  MilestoneListSchema,
  MoveMilestone,
  UpdateMilestone,
} from '../../../src/contract/milestone.js';
import type { ProgramList, ProgramSummary } from '../../../src/contract/program.js';
import type { UserListSchema } from '../../../src/contract/user.js';

export type MilestoneList = z.infer<typeof MilestoneListSchema>;
export type ChangeList = z.infer<typeof ChangeListSchema>;
export type UserList = z.infer<typeof UserListSchema>;

/** Codes the client itself produces when no problem document came back. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const UNEXPECTED_RESPONSE = 'UNEXPECTED_RESPONSE';

/** A refused or failed request, carrying the server's RFC 9457 problem document. */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
  /** Messages per field name (`errors[].path`), several joined. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = e.path.replace(/^\/?(body[./])?/, '');
      out[key] = out[key] ? `${out[key]} ${e.message}` : e.message;
    }
    return out;
  }
}

const isProblem = (v: unknown): v is Problem =>
  typeof v === 'object' && v !== null && typeof (v as Problem).status === 'number' && typeof (v as Problem).code === 'string';

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      signal: signal ?? null,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: '', code: NETWORK_ERROR });
  }
  const text = await res.text();
  let data: unknown;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    if (isProblem(data)) throw new ApiError(data);
    throw new ApiError({ type: 'about:blank', title: res.statusText, status: res.status, detail: '', code: UNEXPECTED_RESPONSE });
  }
  return data as T;
}

const programPath = (programId: string) => `/api/v1/programs/${encodeURIComponent(programId)}`;
const milestonePath = (programId: string, milestoneId: string) => `${programPath(programId)}/milestones/${encodeURIComponent(milestoneId)}`;

export const api = {
  listPrograms: (signal?: AbortSignal) => request<ProgramList>('GET', '/api/v1/programs', undefined, signal),
  getProgram: (programId: string, signal?: AbortSignal) => request<ProgramSummary>('GET', programPath(programId), undefined, signal),
  listMilestones: (programId: string, signal?: AbortSignal) =>
    request<MilestoneList>('GET', `${programPath(programId)}/milestones`, undefined, signal),
  listChanges: (programId: string, signal?: AbortSignal) =>
    request<ChangeList>('GET', `${programPath(programId)}/changes`, undefined, signal),
  listUsers: (signal?: AbortSignal) => request<UserList>('GET', '/api/v1/users', undefined, signal),

  createMilestone: (programId: string, body: CreateMilestone) => request<Milestone>('POST', `${programPath(programId)}/milestones`, body),
  updateMilestone: (programId: string, milestoneId: string, body: UpdateMilestone) =>
    request<Milestone>('PATCH', milestonePath(programId, milestoneId), body),
  moveMilestone: (programId: string, milestoneId: string, body: MoveMilestone) =>
    request<Milestone>('POST', `${milestonePath(programId, milestoneId)}/move`, body),
  completeMilestone: (programId: string, milestoneId: string, body: CompleteMilestone) =>
    request<Milestone>('POST', `${milestonePath(programId, milestoneId)}/complete`, body),
};
