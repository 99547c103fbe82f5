// Errors with names: server code throws `new AppError("CODE", message)`; this one map turns a code
// into the HTTP status the route guard answers with, and the client receives the code beside the
// message so it can tell the failures apart.
export const ERROR_STATUS = {
  SIGN_IN_REQUIRED: 401,
  NO_ROLE: 403,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  TOKEN_READ_ONLY: 403,
  /** /api/v1/events without a valid, unrevoked ingest token. */
  INGEST_TOKEN_INVALID: 401,
  /** An EventBridge event that does not have the envelope or detail layout AWS sends. */
  INVALID_EVENT: 400,
  /** More events in one delivery than EventBridge batches (100). */
  TOO_MANY_EVENTS: 413,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BODY_NOT_JSON: 400,
  BODY_TOO_LARGE: 413,
  TOO_MANY_EXPORTS: 429,
  INVALID_CURSOR: 400,
  INVALID_PERIOD: 400,
  UNKNOWN_GROUPING: 400,
  TAG_NEEDS_MONTHLY: 400,
  DIMENSION_NEEDS_MONTHLY: 400,
  DIMENSION_FILTER_UNSUPPORTED: 400,
  UNKNOWN_OU: 400,
  UNKNOWN_SOURCE_ACCOUNT: 400,
  UNKNOWN_BUDGET_TARGET: 400,
  INVALID_DECISION: 400,
  INVALID_FIELD: 400,
  /** A report scoped to OUs outside the caller's scope, or to the whole organization by a scoped admin. */
  REPORT_SCOPE_OUTSIDE: 403,
  IMPORT_ROWS_INVALID: 422,
  CREATE_ACCOUNT_FAILED: 502,
  COLLECTOR_MISCONFIGURED: 503,
  /** Set by the route guard itself: a zod failure (with `fields`) and an unexpected, logged error. */
  INVALID_INPUT: 400,
  INTERNAL: 500,
} as const satisfies Record<string, number>;

export type TErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const forbidden = (why = "You do not have permission to do this.") =>
  new AppError("FORBIDDEN", why);
export const notFound = (what = "Not found.") => new AppError("NOT_FOUND", what);
export const conflict = (why: string) => new AppError("CONFLICT", why);
