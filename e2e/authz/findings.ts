import { analysts, analystWrites, NO_UUID, type Expectations } from "./types";

// Routes of this area: "METHOD /api/pattern" → expectation (see types.ts for the helpers).
export const FINDINGS: Expectations = {
  "GET /api/v1/findings": analysts("/api/v1/findings"),
  "GET /api/v1/findings/[id]": analysts(`/api/v1/findings/${NO_UUID}`, { allowedStatus: 404 }),
  "GET /api/v1/findings/export": analysts("/api/v1/findings/export?severity=critical"),
  "POST /api/v1/findings/[id]/mute": analystWrites(`/api/v1/findings/${NO_UUID}/mute`, {
    body: {},
    allowedStatus: 400,
  }),
  // A valid body naming no finding: the write reaches the server function, which answers 404.
  "POST /api/v1/findings/assign": analystWrites("/api/v1/findings/assign", {
    body: { ids: [NO_UUID], owner: "authz-probe@example.com" },
    allowedStatus: 404,
  }),
  "DELETE /api/v1/findings/[id]/mute": analystWrites(`/api/v1/findings/${NO_UUID}/mute`, {
    allowedStatus: 404,
  }),
};
