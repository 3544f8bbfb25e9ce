import type { InputOf, OperationContract, OutputOf, ParsedInputOf } from './operation.js';
import { actionOperations } from './operations/actions.js';
import { calendarOperations } from './operations/calendar.js';
import { charterOperations } from './operations/charter.js';
import { decisionOperations } from './operations/decisions.js';
import { escalationOperations } from './operations/escalations.js';
import { floorEventOperations } from './operations/floor-events.js';
import { gateOperations } from './operations/gates.js';
import { intakeOperations } from './operations/intake.js';
import { notificationOperations } from './operations/notifications.js';
import { peopleOperations } from './operations/people.js';
import { planOperations } from './operations/plan.js';
import { portfolioOperations } from './operations/portfolio.js';
import { programOperations } from './operations/programs.js';
import { reportOperations } from './operations/reports.js';
import { riskOperations } from './operations/risks.js';
import { samplingOperations } from './operations/sampling.js';
import { searchOperations } from './operations/search.js';
import { setupOperations } from './operations/setup.js';
import { templateOperations } from './operations/templates.js';
import { updateRequestOperations } from './operations/update-requests.js';

/**
 * Every API operation that is plain JSON in and out, by name: the one table from which the HTTP
 * routes and OpenAPI (http/), both CLI backends (cli/) and the web client's calls are derived. Routes
 * that are not (sign-in cookies, OIDC, SVG charts, the schedule upload, health) stay in http/.
 */
export const operations = {
  ...programOperations,
  ...planOperations,
  ...calendarOperations,
  ...charterOperations,
  ...decisionOperations,
  ...actionOperations,
  ...peopleOperations,
  ...riskOperations,
  ...setupOperations,
  ...searchOperations,
  ...templateOperations,
  ...gateOperations,
  ...intakeOperations,
  ...notificationOperations,
  ...samplingOperations,
  ...floorEventOperations,
  ...escalationOperations,
  ...reportOperations,
  ...updateRequestOperations,
  ...portfolioOperations,
} as const satisfies Record<string, OperationContract>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
/** What a caller sends for the operation: `{ params, query, body }`, each as its schema takes it. */
export type OperationInput<K extends OperationName> = InputOf<Operations[K]>;
/** The input once the contract's schemas have read it: what the server side of the operation receives. */
export type OperationParsedInput<K extends OperationName> = ParsedInputOf<Operations[K]>;
/** The success document the caller receives. */
export type OperationOutput<K extends OperationName> = OutputOf<Operations[K]>;

export const operationNames = Object.keys(operations) as OperationName[];
