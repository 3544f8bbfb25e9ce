import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hashSecret } from '../../app/auth/secrets.js';
import { showIntakeLinkForm } from '../../app/intake/intake-form.js';
import { submitIntake } from '../../app/intake/submit-intake.js';
import { intakeAnswers } from '../../bindings/intake.js';
import { ProblemSchema } from '../../contract/common.js';
import {
  IntakeFormSchema,
  IntakeReceiptSchema,
  IntakeSubmissionSchema,
  IntakeTokenParamsSchema,
  intakeLimits,
} from '../../contract/intake.js';
import { intakeFormJson, intakeReceiptJson } from '../../present/intake-json.js';
import type { HttpDeps, IntakeRateLimits } from '../http-deps.js';
import { RefusalError, sendProblem } from '../problem.js';

export const defaultIntakeRateLimits: IntakeRateLimits = { submissionsPerHour: 10, requestsPerMinute: 30 };

const refusals = { 404: ProblemSchema, 413: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema };

/**
 * The intake form a client's secret link opens, for people without an account: GET the form, POST a
 * submission (a draft program is made). Not in the operation table, which is for people signed in. Both
 * are limited per client address, submissions also per link (by the hash of its secret, so the secret is
 * never a key in memory); the body is at most 64 KB. An unknown, revoked or expired link answers 404 alike.
 */
export const intakeRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const limits = deps.intakeRateLimits ?? defaultIntakeRateLimits;
    const perAddress = app.createRateLimit({
      max: limits.requestsPerMinute,
      timeWindow: 60_000,
      keyGenerator: (req: FastifyRequest) => `intake-address:${req.ip}`,
    });
    const perLink = app.createRateLimit({
      max: limits.submissionsPerHour,
      timeWindow: 3_600_000,
      keyGenerator: (req: FastifyRequest) => `intake-link:${hashSecret(String((req.params as { token?: unknown }).token ?? ''))}`,
    });
    // Each limit is counted on its own (the plugin's route hook runs only one limit per request); the
    // counts live in the plugin's in-memory store, which forgets the least recently used keys beyond 5,000.
    const limited =
      (...checks: (typeof perAddress)[]): onRequestHookHandler =>
      async (req, res) => {
        for (const check of checks) {
          const r = await check(req);
          if (r.isAllowed || !r.isExceeded) continue;
          res.header('retry-after', String(r.ttlInSeconds));
          throw new RefusalError({
            code: 'RATE_LIMITED',
            message: `Too many requests to the intake form; try again in ${r.ttlInSeconds} s.`,
          });
        }
      };

    app.get(
      '/intake/:token',
      {
        onRequest: limited(perAddress),
        schema: {
          tags: ['intake'],
          summary: "The intake form of a client's link (no account): the client's name, the templates offered and the limits",
          params: IntakeTokenParamsSchema,
          response: { 200: IntakeFormSchema, ...refusals },
        },
      },
      async (req, res) => {
        const r = await showIntakeLinkForm(deps.app, { token: req.params.token });
        if (!r.ok) return sendProblem(res, r.error);
        return intakeFormJson(r.value);
      },
    );

    app.post(
      '/intake/:token',
      {
        onRequest: limited(perAddress, perLink),
        bodyLimit: intakeLimits.bodyBytes,
        schema: {
          tags: ['intake'],
          summary: "Submit a program through a client's intake link (no account): a draft program is made and its cadence owners told",
          description: `Limits: ${limits.submissionsPerHour} submissions per link an hour and ${limits.requestsPerMinute} requests per address a minute on this instance (429 RATE_LIMITED with Retry-After); the body at most ${intakeLimits.bodyBytes / 1024} KB (413).`,
          params: IntakeTokenParamsSchema,
          body: IntakeSubmissionSchema,
          response: { 201: IntakeReceiptSchema, ...refusals },
        },
      },
      async (req, res) => {
        const r = await submitIntake(deps.app, { via: { token: req.params.token }, answers: intakeAnswers(req.body) });
        if (!r.ok) return sendProblem(res, r.error);
        return res.code(201).send(intakeReceiptJson(r.value));
      },
    );
  };
