/**
 * The catalogue of stable error codes. Each code is a public contract: clients branch on it, the
 * HTTP layer maps it to a status, and docs/errors.md describes it (a test keeps the three equal).
 */
export const errorCatalogue = {
  VALIDATION_FAILED: 'The request is malformed: a field is missing, has the wrong type or is out of range.',
  NOT_FOUND: 'The requested resource does not exist, or you may not see it.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the server accepts.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body is not JSON (send Content-Type: application/json).',
  PROGRAM_NOT_FOUND: 'No program with this id or code exists, or you may not see it.',
  MILESTONE_NOT_FOUND: 'No milestone with this id or key exists in the program.',
  USER_NOT_FOUND: 'The person named (for example as an owner) does not exist.',
  VERSION_CONFLICT: 'Someone else changed the record since you read it; the current state is returned. Reload and retry.',
  REASON_REQUIRED: 'Moving a date or changing a baseline needs a reason that explains why.',
  MILESTONE_DONE: 'The milestone is already done; its dates can no longer be moved.',
  ACTUAL_DATE_IN_FUTURE: 'An actual (completion) date cannot lie in the future.',
  NOTHING_TO_CHANGE: 'The request changes nothing: every value given equals the current one.',
  DEMO_NOT_EMPTY: 'The demo portfolio can only be loaded into an empty database.',
  NOT_READY: 'The service is starting or shutting down, or cannot reach its database.',
  INTERNAL: 'An unexpected error on our side. It has been logged; the request changed nothing.',
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];
