import type { AppDeps } from '../app/deps.js';
import type { OidcConfig } from '../config/config.js';
import type { EventLimits } from './events/event-hub.js';

export interface HttpDeps {
  readonly app: AppDeps;
  /** The address people reach Tollgate at; used in invite links and for Secure cookies. */
  readonly publicUrl?: string | undefined;
  /** Sign-in through an OpenID provider, when configured. */
  readonly oidc?: OidcConfig | undefined;
  /** Directory of the built web app, served at /; absent in API-only tests. */
  readonly webDir?: string | undefined;
  /** Directory holding errors.md, served at /docs/errors. */
  readonly docsDir?: string | undefined;
  readonly version: string;
  /** How often the public intake form may be used on this instance; default: defaultIntakeRateLimits. */
  readonly intakeRateLimits?: IntakeRateLimits | undefined;
  /** Requests per client address a minute to the update links' pages; default 120. */
  readonly updateLinkRequestsPerMinute?: number | undefined;
  /** The largest evidence file taken, in bytes (TOLLGATE_EVIDENCE_MAX_BYTES); default 25 MB. */
  readonly evidenceMaxBytes?: number | undefined;
  /** Live updates' poll interval and stream limits (GET /api/v1/events); default: defaultEventLimits. */
  readonly events?: EventLimits | undefined;
}

/** How often the public intake form may be used, per instance (each keeps its own counts in memory). */
export interface IntakeRateLimits {
  /** Submissions per link in an hour. */
  readonly submissionsPerHour: number;
  /** Requests (form and submissions) per client address in a minute. */
  readonly requestsPerMinute: number;
}
