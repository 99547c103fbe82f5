import { analysts, analystWrites, NO_UUID, type Expectations } from "./types";

// Routes of this area: "METHOD /api/pattern" → expectation (see types.ts for the helpers).
export const ANOMALIES: Expectations = {
  "GET /api/v1/anomalies": analysts("/api/v1/anomalies"),
  "GET /api/v1/anomalies/[id]": analysts(`/api/v1/anomalies/${NO_UUID}`, { allowedStatus: 404 }),
  // A valid decision naming no anomaly: it reaches the server function, which answers 404.
  "POST /api/v1/anomalies/[id]/decision": analystWrites(`/api/v1/anomalies/${NO_UUID}/decision`, {
    body: { status: "resolved", reason: "authz probe" },
    allowedStatus: 404,
  }),
};
