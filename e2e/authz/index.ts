// All areas' expectations. Each area keeps its own file so parallel work does not collide.
import { ALERTS } from "./alerts";
import { CHARGEBACK } from "./chargeback";
import { CORE } from "./core";
import { COSTS } from "./costs";
import { EVENTS } from "./events";
import { FINDINGS } from "./findings";
import { KNOWN_ACCOUNTS } from "./known-accounts";
import { ORG } from "./org";
import { RUNS } from "./runs";
import type { Expectations } from "./types";

export const EXPECTATIONS: Expectations = {
  ...CORE,
  ...ORG,
  ...COSTS,
  ...FINDINGS,
  ...RUNS,
  ...CHARGEBACK,
  ...ALERTS,
  ...KNOWN_ACCOUNTS,
  ...EVENTS,
};

/** next-auth's own endpoints are public by design (sign-in must work signed out). */
export const PUBLIC_ROUTES = new Set(["/api/auth/[...nextauth]"]);

export type { Caller, Expectation, Outcome } from "./types";
