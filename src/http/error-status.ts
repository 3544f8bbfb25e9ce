import type { ErrorCode } from '../domain/errors.js';

/** The only map from error code to HTTP status. */
export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PROGRAM_NOT_FOUND: 404,
  MILESTONE_NOT_FOUND: 404,
  USER_NOT_FOUND: 422,
  VERSION_CONFLICT: 409,
  REASON_REQUIRED: 422,
  MILESTONE_DONE: 409,
  ACTUAL_DATE_IN_FUTURE: 422,
  NOTHING_TO_CHANGE: 422,
  DEMO_NOT_EMPTY: 409,
  NOT_READY: 503,
  INTERNAL: 500,
};
