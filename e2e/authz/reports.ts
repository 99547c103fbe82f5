import { admins, analysts, NO_UUID, type Expectations } from "./types";

// Routes of this area: "METHOD /api/pattern" → expectation (see types.ts for the helpers).
export const REPORTS: Expectations = {
  "GET /api/v1/reports/gap.md": analysts("/api/v1/reports/gap.md"),
  // Scheduled reports: admins; a scoped admin manages the reports inside their OUs (an unknown or
  // out-of-scope report is a 404, an empty body a 400).
  "GET /api/v1/reports/schedules": admins("/api/v1/reports/schedules"),
  "POST /api/v1/reports/schedules": admins("/api/v1/reports/schedules", {
    body: {},
    allowedStatus: 400,
  }),
  "PATCH /api/v1/reports/schedules/[id]": admins(`/api/v1/reports/schedules/${NO_UUID}`, {
    body: {},
    allowedStatus: 400,
  }),
  "DELETE /api/v1/reports/schedules/[id]": admins(`/api/v1/reports/schedules/${NO_UUID}`, {
    allowedStatus: 404,
  }),
  "GET /api/v1/reports/schedules/[id]/preview": admins(
    `/api/v1/reports/schedules/${NO_UUID}/preview`,
    { allowedStatus: 404 },
  ),
  "POST /api/v1/reports/schedules/[id]/send": admins(`/api/v1/reports/schedules/${NO_UUID}/send`, {
    allowedStatus: 404,
  }),
};
