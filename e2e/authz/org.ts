import { analysts, everyone, type Expectations } from "./types";

/** The demo's management account (a fixed id in the demo source). */
const MANAGEMENT = "204517733186";

// Routes of this area: "METHOD /api/pattern" → expectation (see types.ts for the helpers).
export const ORG: Expectations = {
  "GET /api/v1/ou-tree": everyone("/api/v1/ou-tree"),
  "GET /api/v1/accounts": analysts("/api/v1/accounts?search=prod&limit=5"),
  "GET /api/v1/accounts/inventory": analysts("/api/v1/accounts/inventory"),
  "GET /api/v1/accounts/inventory/export": analysts("/api/v1/accounts/inventory/export?sort=spend&dir=desc"),
  // The management account lies outside the business unit of the scoped callers: "not found" for them.
  "GET /api/v1/accounts/[id]": analysts(`/api/v1/accounts/${MANAGEMENT}`, { scopedAdmin: 404, scopedAnalyst: 404 }),
  "GET /api/v1/accounts/[id]/costs": analysts(`/api/v1/accounts/${MANAGEMENT}/costs`, { scopedAdmin: 404, scopedAnalyst: 404 }),
};
