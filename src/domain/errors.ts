/**
 * The catalogue of stable error codes. Each code is a public contract: clients branch on it, the
 * HTTP layer maps it to a status, and docs/errors.md describes it (a test keeps the three equal).
 */
export const errorCatalogue = {
  VALIDATION_FAILED:
    'A field is missing, has the wrong type, is out of range or holds characters that are refused; `errors` names each field.',
  MALFORMED_REQUEST: 'The request cannot be read: the body is not valid JSON, or the URL or a header is malformed.',
  NOT_FOUND: 'The requested resource does not exist, or you may not see it.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the server accepts.',
  HEADERS_TOO_LARGE: 'The request line (the URL) and headers together are larger than the server accepts (16 KB).',
  REQUEST_TIMEOUT: 'The request did not arrive completely in time; send it again.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body is not JSON (send Content-Type: application/json).',
  PROGRAM_NOT_FOUND: 'No program with this id or code exists, or you may not see it.',
  MILESTONE_NOT_FOUND: 'No milestone with this id or key exists in the program.',
  USER_NOT_FOUND: 'The person named (for example as an owner) does not exist.',
  VERSION_CONFLICT: 'Someone else changed the record since you read it; the current state is returned. Reload and retry.',
  REASON_REQUIRED:
    'A change that re-states a promise or reverses a step (moving a date, changing a baseline, re-scoring or ending a risk, reopening an action, superseding a decision, rejecting evidence, recycling a gate) needs a reason.',
  MILESTONE_DONE: 'The milestone is already done; its dates can no longer be moved.',
  ACTUAL_DATE_IN_FUTURE: 'An actual (completion) date cannot lie in the future.',
  NOTHING_TO_CHANGE: 'The request changes nothing: every value given equals the current one.',
  DEMO_NOT_EMPTY: 'The demo portfolio can only be loaded into an empty database.',
  UNAUTHENTICATED: 'Sign in first: the request carries no valid session or API token (it may have expired or been revoked).',
  INVALID_CREDENTIALS: 'The email and password do not match an account that may sign in.',
  RATE_LIMITED: 'Too many attempts; wait for the time given in Retry-After and try again.',
  FORBIDDEN: 'You may see this, but your role does not allow this action; the message names the permission needed.',
  CSRF_FAILED: 'A signed-in browser request that changes data must carry the X-CSRF-Token header from GET /api/v1/me.',
  INVITE_INVALID: 'The invite or setup link is unknown, already used or expired; ask an admin for a new one.',
  PASSWORD_TOO_WEAK:
    'The new password is too short or too easy to guess: at least 10 characters as people see them, not your email, not a common password (nor one repeated or with digits added), not the published demo password outside the demo.',
  CURRENT_PASSWORD_WRONG: 'The current password given is not right, so the password was not changed.',
  NOT_INVITED: 'No invited or active account has this verified email; ask an admin to invite you.',
  TOKEN_NOT_FOUND: 'No API token with this id belongs to you.',
  MEMBERSHIP_NOT_FOUND: 'No such role assignment.',
  LAST_ADMIN: 'The workspace must keep at least one admin.',
  OIDC_NOT_CONFIGURED: 'Sign-in with an identity provider is not set up on this server.',
  OIDC_FAILED: 'The identity provider did not confirm the sign-in (cancelled, expired or not verified). Try again.',
  OWNER_REQUIRED: 'Every milestone, decision, risk and action needs a named owner; an owner cannot be taken away, only handed over.',
  DUE_DATE_REQUIRED: 'Every decision and action needs a due date; a due date cannot be taken away, only moved.',
  DECISION_CLOSED: 'The decision is decided or superseded and can no longer change; supersede it to change course.',
  NOT_DECISION_OWNER: 'Only the owner of a decision decides it.',
  DECISION_NOT_DECIDED: 'Only a decided decision can be superseded; an open one is decided instead.',
  DECISION_NOT_FOUND: 'No decision with this id or key exists in the program.',
  LINK_TARGET_NOT_FOUND: 'A record to link to (milestone, decision, risk, action) does not exist in the same program.',
  RISK_CLOSED: 'The risk is closed or realized; it no longer changes.',
  RISK_NOT_FOUND: 'No risk with this id or key exists in the program.',
  ACTION_STATE: 'The action is not in a state that allows this step (e.g. confirming an action nobody has marked done).',
  CLOSURE_NEEDS_SECOND_PERSON:
    'Closing an action takes two people: whoever marked it done cannot also confirm its closure; a decision owner of the program or an admin confirms it.',
  NOT_ACTION_OWNER: 'Only the owner of an action marks it done.',
  ACTION_NOT_FOUND: 'No action with this id or key exists in the program.',
  CLIENT_NOT_FOUND: 'No client with this id exists.',
  SUPPLIER_NOT_FOUND: 'No supplier with this id exists.',
  INTAKE_LINK_NOT_FOUND:
    "The intake link is unknown, revoked or expired (all three answer alike, so a guessed link tells nothing); ask the client's cadence owner for a new one.",
  TEMPLATE_NOT_FOUND: 'No program template with this id exists.',
  TEMPLATE_EXISTS:
    'A program template with this id exists already (shipped, or copied by someone else, perhaps at the same moment); choose another id.',
  TEMPLATE_READ_ONLY: 'The templates Tollgate ships are read-only; copy one (POST /templates/{id}/copy) and edit the copy.',
  SAMPLING_LOT_SIZE_OUT_OF_RANGE:
    'A lot size for an ISO 2859-1 sampling plan is a whole number of units from 2 (where Table I starts) to 10,000,000.',
  SAMPLING_AQL_NOT_IN_TABLE:
    'The AQL is not one of the 26 of ISO 2859-1 Table II-A (0.010, 0.015, 0.025, 0.040, 0.065, 0.10, 0.15, 0.25, 0.40, 0.65, 1.0, 1.5, 2.5, 4.0, 6.5, 10, 15, 25, 40, 65, 100, 150, 250, 400, 650, 1000); the message lists them.',
  SAMPLING_LEVEL_UNKNOWN: 'The inspection level is not one of ISO 2859-1: the general levels I, II, III or the special levels S-1 to S-4.',
  SAMPLING_DEFECTS_OUT_OF_RANGE: 'Defects found in a sample is a whole number from 0 to 10,000,000.',
  GATE_NOT_FOUND: 'No gate with this key (G1 …) or id exists in the program.',
  CHECKLIST_ITEM_NOT_FOUND: 'No checklist item with this key or id exists on the gate.',
  CHARTER_INCOMPLETE:
    'A program is activated only with a complete kickoff charter: decision owner, escalation path, success per gate, weekly report day, time and recipients, leadership review rule; `errors` names what is missing.',
  FACTORY_NOT_FOUND: 'No factory with this id exists.',
  SUPPLIER_IN_USE:
    "Programs neither archived nor closed are made at the supplier's factories, so it cannot be archived yet; the message names them.",
  FACTORY_IN_USE:
    'Programs are made at the factory: its country and time zone stay while an active or on-hold program is made there, and it is archived only when none is open (neither archived nor closed); the message names them.',
  DEPENDENCY_CYCLE: 'The link would make a milestone depend on itself through other milestones; the message names the cycle.',
  SELF_DEPENDENCY: 'A milestone cannot be linked as its own predecessor.',
  LINK_EXISTS: 'The two milestones are already linked in this direction; remove the link first to change its lag.',
  MILESTONE_LINK_NOT_FOUND: 'No dependency with this id exists in the program.',
  BASELINE_LOCKED: 'The program has a baseline: planned dates change only by a re-baseline approved by a decision.',
  BASELINE_MISSING: 'The program has no baseline 0 yet: activate the program first (it takes baseline 0).',
  BASELINE_NOT_FOUND: 'No baseline with this number exists in the program.',
  BASELINE_DECISION_INVALID:
    'A re-baseline needs a decided decision of the same program, decided by a decision owner and not yet used by another baseline.',
  CLIENT_STATE: 'The client is not in a state that allows this step (e.g. archiving a client whose programs still run).',
  PROGRAM_STATE: 'The program is not in a state that allows this step (e.g. activating a program that is already active with a baseline).',
  DATE_OUT_OF_RANGE:
    'A date, given or computed (a pushed forecast, a shifted copy), lies outside the range Tollgate accepts: 2000-01-01 to 2099-12-31.',
  ALREADY_EXISTS:
    'The record already exists, or someone else created the same one at the same moment; nothing was changed. Reload and retry.',
  EVIDENCE_STATE:
    'The checklist item is not in a state that allows this step (e.g. accepting evidence nobody has submitted, or submitting again for an accepted or waived item that has not been reopened).',
  GATE_STATE:
    'The gate is not in a state that allows this step (e.g. deciding a gate that has passed or stopped, changing evidence of a passed gate, or passing a gate before the gates ahead of it have passed).',
  GATE_NOT_READY:
    'A gate passes (go or conditional go) only when every required checklist item is accepted or waived; `errors` names each item that is not.',
  GATE_CONDITION_OPEN:
    'A condition set when an earlier gate passed with conditions is still open, so this gate cannot pass yet; `errors` names each open condition.',
  GATE_NOT_PASSED: 'The milestone is the review milestone of a gate that has not passed; it is completed only after the gate passes.',
  WAIVER_NEEDS_DECISION:
    'A checklist item is waived only by linking a decided decision of the same program; an open or superseded decision does not waive it.',
  GATE_ROLE_REQUIRED:
    "Only the person a gate step belongs to may take it: the item's owner submits evidence, the gate owner or quality owner reviews it (not their own), gatekeepers recommend, the template's decider decides.",
  EVIDENCE_NOT_FOUND: 'No piece of evidence with this id exists on the checklist item (or in the program).',
  EVIDENCE_TOO_LARGE:
    'The evidence file is larger than the configured limit (TOLLGATE_EVIDENCE_MAX_BYTES, 25 MB by default); the message names the limit.',
  EVIDENCE_TYPE_NOT_ALLOWED:
    'The evidence file is not a kept type: its extension is not on the allow-list, or its content is not what its extension says; the message lists the allowed types.',
  EVIDENCE_LIMIT_REACHED: 'The checklist item already holds the most pieces of evidence it may (50); remove one first.',
  EVIDENCE_FILE_CORRUPT:
    'The stored evidence file no longer matches the SHA-256 it was stored under; it is not served. The server logged it; restore the file from a backup.',
  REPORT_NOT_FOUND: 'No issued report of this program for this week and revision; a week is issued by its cadence owner.',
  REPORT_HAS_FINDINGS:
    'The report has lint findings (no owner or due date, escalations past deadline, overdue decisions); fix them, or issue with `acknowledgeFindings: true`, recorded in the report. `errors` names each.',
  ESCALATION_NOT_FOUND: 'No escalation with this key or id exists in the program, or you may not see it.',
  ESCALATION_CLOSED: 'The escalation is resolved: it can no longer be acknowledged, resolved again or reassigned.',
  OUTCOME_REQUIRED: 'Resolving an escalation needs an outcome: say in words how it was resolved.',
  NOTIFICATION_NOT_FOUND: 'No notice with this id is yours: each person sees and marks only their own notices.',
  EVENT_NOT_FOUND: 'No floor event with this key (E-12) or id exists in the program.',
  EVENT_NOT_A_SHIPMENT: 'Only a sample shipment ships and arrives; the event named is an inspection or a measurement.',
  CSV_UNREADABLE:
    'The CSV file cannot be read as a table with a header row (unbalanced quotes, a row with more columns than the header, an unknown column, or more than 2,000 rows); the message names the line or column.',
  IMPORT_ROWS_INVALID:
    "Some rows of the CSV import were not accepted, so none was written; `errors` names each row and column (`rows.3.lotSize`). Preview with `dryRun: true` to see every row's result.",
  EVENT_NOT_EVIDENCE: 'Only an inspection or a measurement of the same program can be attached to a checklist item as evidence.',
  MAIL_LINK_INVALID:
    "The link from an e-mail is not one Tollgate made (incomplete, or changed since it was sent); nothing was changed. Open the newest e-mail's link, or change your notification settings on your account page.",
  MAIL_LINK_EXPIRED:
    'The link from an e-mail has expired (links work for 90 days); nothing was changed. Change your notification settings on your account page.',
  UPDATE_LINK_INVALID:
    'The update link is not one Tollgate made (incomplete, or changed since it was sent); nothing was changed. Open the link of the newest update request e-mail.',
  UPDATE_LINK_EXPIRED:
    "The update link has expired (links work for 14 days after the request); nothing was changed. Ask the program's cadence owner for a new one.",
  UPDATE_LINK_REVOKED: "The program's cadence owner withdrew this update link; nothing was changed. Ask them for a new one.",
  UPDATE_REQUEST_NOT_FOUND: 'No update request with this id exists in the program, or you may not see it.',
  UPDATE_ITEM_NOT_FOUND: 'The item is not one this update link asks about, or it is no longer yours; nothing was changed.',
  TOO_MANY_STREAMS:
    "You have as many live-update streams open as one person may (TOLLGATE_EVENT_STREAMS_PER_PERSON, e.g. tabs); close one, or wait for a closed tab's stream to end.",
  STREAMS_FULL:
    'This server has as many live-update streams open as it takes (TOLLGATE_EVENT_STREAMS); the page still works, and reconnects after the time given in Retry-After.',
  NOT_READY: 'The service is starting or shutting down, or cannot reach its database.',
  BUSY: 'The server has more requests than it can work on now; nothing was done. Retry after the time given in Retry-After.',
  INTERNAL: 'An unexpected error on our side. It has been logged; the request changed nothing.',
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];
