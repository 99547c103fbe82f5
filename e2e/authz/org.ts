import { analysts, everyone, type Expectations } from "./types";

/** The demo's management account (a fixed id in the demo source). */
const MANAGEMENT = "204517733186";
/** The demo's Security OU: outside the business unit of the scoped callers. */
const SECURITY_OU = "ou-k3x9-5c8q2w1e";

// Routes of this area: "METHOD /api/pattern" → expectation (see types.ts for the helpers).
export const ORG: Expectations = {
  "GET /api/v1/ou-tree": everyone("/api/v1/ou-tree"),
  "GET /api/v1/ou-tree/[id]/tag-policy": everyone(`/api/v1/ou-tree/${SECURITY_OU}/tag-policy`, {
    scoped: 404,
    scopedAdmin: 404,
    scopedAnalyst: 404,
  }),
  "GET /api/v1/accounts": analysts("/api/v1/accounts?search=prod&limit=5"),
  "GET /api/v1/accounts/inventory": analysts("/api/v1/accounts/inventory"),
  "GET /api/v1/accounts/inventory/export": analysts(
    "/api/v1/accounts/inventory/export?sort=spend&dir=desc",
  ),
  // The management account lies outside the business unit of the scoped callers: "not found" for them.
  "GET /api/v1/accounts/[id]": analysts(`/api/v1/accounts/${MANAGEMENT}`, {
    scopedAdmin: 404,
    scopedAnalyst: 404,
  }),
  "GET /api/v1/accounts/[id]/costs": analysts(`/api/v1/accounts/${MANAGEMENT}/costs`, {
    scopedAdmin: 404,
    scopedAnalyst: 404,
  }),
  "GET /api/v1/accounts/[id]/tag-policy": analysts(`/api/v1/accounts/${MANAGEMENT}/tag-policy`, {
    scopedAdmin: 404,
    scopedAnalyst: 404,
  }),
};
