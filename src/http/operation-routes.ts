import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { portfolioReadStamp, programReadStamp } from '../app/read-stamp.js';
import type { Binding } from '../bindings/binding.js';
import { bindings } from '../bindings/bindings.js';
import { ProblemSchema } from '../contract/common.js';
import { type OperationContract, refusalsOf } from '../contract/operation.js';
import { type OperationName, operationNames, operations } from '../contract/operations.js';
import { actorOf } from './auth.js';
import type { HttpDeps } from './http-deps.js';
import type { KeptAnswers } from './kept-answers.js';
import { sendProblem } from './problem.js';

/** The route's schema as Fastify and OpenAPI read it, from the operation's entry. */
export function routeSchema(op: OperationContract) {
  return {
    tags: [...op.tags],
    summary: op.summary,
    ...(op.description === undefined ? {} : { description: op.description }),
    ...(op.params === undefined ? {} : { params: op.params }),
    ...(op.query === undefined ? {} : { querystring: op.query }),
    ...(op.body === undefined ? {} : { body: op.body }),
    response: { [op.status]: op.response, ...Object.fromEntries(refusalsOf(op).map((s) => [s, ProblemSchema])) },
  };
}

/**
 * One route per operation of the contract's table (contract/operations.ts): the caller resolved
 * (401 without one), the input already read by the schemas, the binding's answer sent with the
 * operation's status, or its refusal as problem+json carrying the current state it names.
 */
export const operationRoutes =
  (deps: HttpDeps, kept: KeptAnswers): FastifyPluginAsyncZod =>
  async (app) => {
    const origin = (req: { protocol: string; host: string }) => deps.publicUrl ?? `${req.protocol}://${req.host}`;
    for (const name of operationNames) {
      const op: OperationContract = operations[name];
      const binding = bindings[name] as Binding<OperationName>;
      app.route({
        method: op.method,
        url: op.path,
        schema: routeSchema(op),
        ...(op.bodyLimit === undefined ? {} : { bodyLimit: op.bodyLimit }),
        handler: async (req, res) => {
          const ctx = {
            app: deps.app,
            actor: actorOf(req),
            origin: origin(req),
            session: req.auth?.session ?? undefined,
            logError: (o: object, m: string) => req.log.error(o, m),
            // Made when first asked for: an AbortController per request costs more than a kept answer.
            get signal() {
              return req.signal;
            },
          };
          const input = { params: req.params, query: req.query, body: req.body } as never;
          if (op.kept) {
            // The workspace's revision read when the caller was resolved, before their roles: one read less.
            const workspace = req.auth?.workspace;
            const stamp =
              op.kept === 'program'
                ? () =>
                    programReadStamp(deps.app, { programId: (req.params as { programId: string }).programId, actor: ctx.actor, workspace })
                : () => portfolioReadStamp(deps.app, { actor: ctx.actor, workspace });
            return kept.serve(req, res, op, name, stamp, () => binding(ctx, input));
          }
          const r = await binding(ctx, input);
          if (!r.ok) return sendProblem(res, r.error, r.error.current);
          return res.code(op.status).send(r.value);
        },
      });
    }
  };
