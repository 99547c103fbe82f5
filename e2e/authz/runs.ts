import { admins, analysts, NO_UUID, type Expectations } from "./types";

// Routes of this area: "METHOD /api/pattern" → expectation (see types.ts for the helpers).
// The POST carries no body on purpose: an admin gets past the guard (400) without starting a run.
export const RUNS: Expectations = {
  "GET /api/v1/runs": analysts("/api/v1/runs"),
  "POST /api/v1/runs": admins("/api/v1/runs", { allowedStatus: 400 }),
  "GET /api/v1/runs/[id]": analysts(`/api/v1/runs/${NO_UUID}`, { allowedStatus: 404 }),
};
