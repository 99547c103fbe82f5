import { everyone, NO_UUID, type Expectations } from "./types";

// Saved views: everyone keeps their own (tokens are read-only); visibility is decided inside the
// server functions (another person's private view is a 404: lib/server/saved-views tests and
// e2e/saved-views.spec.ts). The probes change nothing: an empty body, an unused id.
export const SAVED_VIEWS: Expectations = {
  "GET /api/v1/views": everyone("/api/v1/views"),
  "POST /api/v1/views": everyone("/api/v1/views", { body: {}, allowedStatus: 400, token: 403 }),
  "PATCH /api/v1/views/[id]": everyone(`/api/v1/views/${NO_UUID}`, {
    body: { pinned: true },
    allowedStatus: 404,
    token: 403,
  }),
  "DELETE /api/v1/views/[id]": everyone(`/api/v1/views/${NO_UUID}`, {
    allowedStatus: 404,
    token: 403,
  }),
};
