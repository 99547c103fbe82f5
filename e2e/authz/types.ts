// What each caller may do on each API route. A route or method missing from the area files fails the
// matrix test, so every new route is born with an explicit authorization decision.
// "allow": a 2xx answer. A number: exactly that status (404 for a target outside the caller's scope or
// that does not exist, 403 for an org-wide action by a scoped admin, 400 for a deliberately invalid body).
export type Outcome = "allow" | 400 | 401 | 403 | 404 | 409;

export interface Expectation {
  /** A concrete URL for the pattern. */
  url: string;
  body?: unknown;
  /**
   * The status an allowed caller gets instead of 2xx, for probes that must not change anything (an empty
   * body: 400 still proves the caller got past the guard). Explicit numbers per caller win over it.
   */
  allowedStatus?: 400 | 404 | 409;
  anonymous: Outcome;
  viewer: Outcome;
  analyst: Outcome;
  admin: Outcome;
  /** The OU-scoped viewer (the demo's business-unit lead). */
  scoped: Outcome;
  /** An admin bound to one business-unit OU: manages budgets, alert rules and requests there, nothing org-wide. */
  scopedAdmin: Outcome;
  /** An analyst bound to the same OU. */
  scopedAnalyst: Outcome;
  /** A read-only API token created by an analyst. */
  token: Outcome;
}

export type Caller = Exclude<keyof Expectation, "url" | "body" | "allowedStatus">;

export const NO_UUID = "00000000-0000-4000-8000-000000000000";

/** Dashboards and KPIs: every role. */
export const everyone = (url: string, extra: Partial<Expectation> = {}): Expectation => ({
  url,
  anonymous: 401,
  viewer: "allow",
  analyst: "allow",
  admin: "allow",
  scoped: "allow",
  scopedAdmin: "allow",
  scopedAnalyst: "allow",
  token: "allow",
  ...extra,
});
/** Detail reads and exports: analysts and admins (and analyst tokens), scoped ones within their OUs. */
export const analysts = (url: string, extra: Partial<Expectation> = {}): Expectation => ({
  url,
  anonymous: 401,
  viewer: 403,
  analyst: "allow",
  admin: "allow",
  scoped: 403,
  scopedAdmin: "allow",
  scopedAnalyst: "allow",
  token: "allow",
  ...extra,
});
/** Writes by analysts (tokens are read-only). */
export const analystWrites = (url: string, extra: Partial<Expectation> = {}): Expectation =>
  analysts(url, { token: 403, ...extra });
/** Admin-only, scoped admins included (within their OUs). */
export const admins = (url: string, extra: Partial<Expectation> = {}): Expectation => ({
  url,
  anonymous: 401,
  viewer: 403,
  analyst: 403,
  admin: "allow",
  scoped: 403,
  scopedAdmin: "allow",
  scopedAnalyst: 403,
  token: 403,
  ...extra,
});
/** Org-wide settings: admins of the whole organization only; a scoped admin gets 403. */
export const orgAdmins = (url: string, extra: Partial<Expectation> = {}): Expectation =>
  admins(url, { scopedAdmin: 403, ...extra });

export type Expectations = Record<string, Expectation>;
