import { admins, analysts, analystWrites, type Expectations } from "./types";

// Routes of this area: "METHOD /api/pattern" → expectation (see types.ts for the helpers).
// Writes use a month without data or an empty body, so the matrix never closes a month or saves a rule.
export const CHARGEBACK: Expectations = {
  "GET /api/v1/chargeback": analysts("/api/v1/chargeback"),
  "GET /api/v1/chargeback/export": analysts("/api/v1/chargeback/export?month=2000-01"),
  "GET /api/v1/chargeback/focus": analysts("/api/v1/chargeback/focus?from=2000-01&to=2000-01"),
  "GET /api/v1/chargeback/options": analysts("/api/v1/chargeback/options"),
  "GET /api/v1/chargeback/rules": analysts("/api/v1/chargeback/rules"),
  "POST /api/v1/chargeback/rules": admins("/api/v1/chargeback/rules", { body: {} }),
  "POST /api/v1/chargeback/rules/preview": analystWrites("/api/v1/chargeback/rules/preview", { body: {} }),
  "PUT /api/v1/chargeback/rules/[key]": admins("/api/v1/chargeback/rules/no-such-rule", { body: {} }),
  "POST /api/v1/chargeback/rules/[key]/retire": admins("/api/v1/chargeback/rules/no-such-rule/retire", { body: {} }),
  "PUT /api/v1/chargeback/periods/[month]": admins("/api/v1/chargeback/periods/2000-01"),
  "DELETE /api/v1/chargeback/periods/[month]": admins("/api/v1/chargeback/periods/2000-01"),
  "PUT /api/v1/chargeback/settings": admins("/api/v1/chargeback/settings", { body: {} }),
  "PUT /api/v1/chargeback/ou-defaults": admins("/api/v1/chargeback/ou-defaults", { body: {} }),
};
