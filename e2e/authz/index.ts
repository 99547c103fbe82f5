// All areas' expectations. Each area keeps its own file so parallel work does not collide.
import { ALERTS } from "./alerts";
import { ANOMALIES } from "./anomalies";
import { CHARGEBACK } from "./chargeback";
import { CHECK_SETTINGS } from "./check-settings";
import { COMMITMENTS } from "./commitments";
import { CORE } from "./core";
import { COSTS } from "./costs";
import { EXCEPTION_RULES } from "./exception-rules";
import { EVENTS } from "./events";
import { FINDINGS } from "./findings";
import { KNOWN_ACCOUNTS } from "./known-accounts";
import { ORG } from "./org";
import { REPORTS } from "./reports";
import { RUNS } from "./runs";
import { SAVED_VIEWS } from "./saved-views";
import type { Expectations } from "./types";

export const EXPECTATIONS: Expectations = {
  ...CORE,
  ...ORG,
  ...COSTS,
  ...COMMITMENTS,
  ...FINDINGS,
  ...RUNS,
  ...CHARGEBACK,
  ...ALERTS,
  ...KNOWN_ACCOUNTS,
  ...CHECK_SETTINGS,
  ...EXCEPTION_RULES,
  ...REPORTS,
  ...EVENTS,
  ...SAVED_VIEWS,
  ...ANOMALIES,
};

/** next-auth's own endpoints are public by design (sign-in must work signed out). */
export const PUBLIC_ROUTES = new Set(["/api/auth/[...nextauth]"]);

export type { Caller, Expectation, Outcome } from "./types";
