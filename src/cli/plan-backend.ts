import type { AppDeps } from '../app/deps.js';
import { activateProgram, listBaselines, takeBaseline } from '../app/plan/baselines.js';
import { getMta } from '../app/plan/get-mta.js';
import { getPlan, getSlipHistory } from '../app/plan/get-plan.js';
import type { Baseline, Mta, Plan, SlipHistory, TakeBaseline } from '../contract/plan.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { Result } from '../domain/result.js';
import { baselineJson, mtaJson, planJson, slipHistoryJson } from '../present/plan-json.js';
import type { As, Call, Items } from './backend-parts.js';
import { mapOk } from './backend-parts.js';

// The plan commands' part of the Backend (cli/backend.ts), on the database and over the API: the
// same JSON and the same refusals either way.

export interface MtaQuery {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly milestones?: readonly string[] | undefined;
}

export interface PlanBackend {
  getPlan(programId: string, baseline: number | undefined): Promise<Result<Plan>>;
  listBaselines(programId: string): Promise<Result<Baseline[]>>;
  takeBaseline(programId: string, body: TakeBaseline): Promise<Result<Baseline>>;
  activateProgram(programId: string, version: number, reason: string | undefined): Promise<Result<Baseline>>;
  getSlips(programId: string, milestoneId: string): Promise<Result<SlipHistory>>;
  getMta(programId: string, q: MtaQuery): Promise<Result<Mta>>;
}

/** The plan commands on the database, acting as the session's person (see database-backend.ts). */
export function planOnDatabase(deps: AppDeps, as: As): PlanBackend {
  return {
    getPlan: (programId, baseline) => as(async (a) => mapOk(await getPlan(deps, { programId, actor: a, baseline }), planJson)),
    listBaselines: (programId) =>
      as(async (a) => mapOk(await listBaselines(deps, { programId, actor: a }), (items) => items.map(baselineJson))),
    takeBaseline: (programId, b) => as(async (a) => mapOk(await takeBaseline(deps, { programId, actor: a, ...b }), baselineJson)),
    activateProgram: (programId, version, reason) =>
      as(async (a) => mapOk(await activateProgram(deps, { programId, actor: a, version, reason }), baselineJson)),
    getSlips: (programId, milestoneId) =>
      as(async (a) =>
        mapOk(await getSlipHistory(deps, { programId, milestoneId, actor: a }), (v) => slipHistoryJson(v.milestone, v.history, v.users)),
      ),
    getMta: (programId, q) =>
      as(async (a) =>
        mapOk(
          await getMta(deps, {
            programId,
            actor: a,
            from: q.from as PlainDate | undefined,
            to: q.to as PlainDate | undefined,
            milestones: q.milestones,
          }),
          mtaJson,
        ),
      ),
  };
}

/** The plan commands over the HTTP API (see server-backend.ts). */
export function planOverHttp(call: Call, items: Items): PlanBackend {
  const at = (programId: string, rest: string) => `/programs/${encodeURIComponent(programId)}${rest}`;
  return {
    getPlan: (programId, baseline) => call<Plan>({ method: 'GET', path: at(programId, '/plan'), query: { baseline } }),
    listBaselines: (programId) => items<Baseline>({ method: 'GET', path: at(programId, '/baselines') }),
    takeBaseline: (programId, body) => call<Baseline>({ method: 'POST', path: at(programId, '/baselines'), body }),
    activateProgram: (programId, version, reason) =>
      call<Baseline>({ method: 'POST', path: at(programId, '/activate'), body: reason ? { version, reason } : { version } }),
    getSlips: (programId, milestoneId) =>
      call<SlipHistory>({ method: 'GET', path: at(programId, `/milestones/${encodeURIComponent(milestoneId)}/slips`) }),
    getMta: (programId, q) =>
      call<Mta>({
        method: 'GET',
        path: at(programId, '/mta'),
        query: { from: q.from, to: q.to, milestones: q.milestones?.join(',') },
      }),
  };
}
