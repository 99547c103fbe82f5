// What each caller may do on each API route. A route or method missing from the area files fails the
// matrix test, so every new route is born with an explicit authorization decision.
// "allow": not 401/403 (a 400 for a deliberately empty body still proves the caller got past the guard).
export type Outcome = "allow" | 401 | 403 | 404;

export interface Expectation {
  /** A concrete URL for the pattern. */
  url: string;
  body?: unknown;
  anonymous: Outcome;
  viewer: Outcome;
  analyst: Outcome;
  admin: Outcome;
  /** The OU-scoped viewer. */
  scoped: Outcome;
  /** A read-only API token created by an analyst. */
  token: Outcome;
}

export const NO_UUID = "00000000-0000-4000-8000-000000000000";

/** Dashboards and KPIs: every role. */
export const everyone = (url: string, extra: Partial<Expectation> = {}): Expectation => ({ url, anonymous: 401, viewer: "allow", analyst: "allow", admin: "allow", scoped: "allow", token: "allow", ...extra });
/** Detail reads and exports: analysts and admins (and analyst tokens). */
export const analysts = (url: string, extra: Partial<Expectation> = {}): Expectation => ({ url, anonymous: 401, viewer: 403, analyst: "allow", admin: "allow", scoped: 403, token: "allow", ...extra });
/** Writes by analysts (tokens are read-only). */
export const analystWrites = (url: string, extra: Partial<Expectation> = {}): Expectation => analysts(url, { token: 403, ...extra });
/** Admin-only. */
export const admins = (url: string, extra: Partial<Expectation> = {}): Expectation => ({ url, anonymous: 401, viewer: 403, analyst: 403, admin: "allow", scoped: 403, token: 403, ...extra });

export type Expectations = Record<string, Expectation>;
