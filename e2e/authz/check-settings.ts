import { orgAdmins, type Expectations } from "./types";

// Settings → Checks and "Re-evaluate now": they change findings across the whole organization, so
// admins of the whole organization only; the OU-scoped admin gets 403 from the server function.
// The probes change nothing: an empty change saves nothing, and a re-evaluation without a settings
// change opens and resolves nothing (lib/server/settings/check-settings.int.test.ts).
export const CHECK_SETTINGS: Expectations = {
  "GET /api/v1/settings/checks": orgAdmins("/api/v1/settings/checks"),
  "PUT /api/v1/settings/checks": orgAdmins("/api/v1/settings/checks", { body: {} }),
  "POST /api/v1/runs/re-evaluate": orgAdmins("/api/v1/runs/re-evaluate", { body: {} }),
};
