import { analysts, analystWrites, orgAdmins, type Expectations } from "./types";

// Routes of this area: "METHOD /api/pattern" → expectation (see types.ts for the helpers).
// Writes use a month without data or an empty body, so the matrix never closes a month or saves a rule.
// Shared-cost rules, periods, settings and OU defaults are org-wide: scoped admins are refused.
export const CHARGEBACK: Expectations = {
  "GET /api/v1/chargeback": analysts("/api/v1/chargeback"),
  "GET /api/v1/chargeback/export": analysts("/api/v1/chargeback/export?month=2000-01"),
  "GET /api/v1/chargeback/focus": analysts("/api/v1/chargeback/focus?from=2000-01&to=2000-01"),
  "GET /api/v1/chargeback/options": analysts("/api/v1/chargeback/options"),
  "GET /api/v1/chargeback/rules": analysts("/api/v1/chargeback/rules"),
  "POST /api/v1/chargeback/rules": orgAdmins("/api/v1/chargeback/rules", {
    body: {},
    allowedStatus: 400,
    scopedAdmin: 400,
  }),
  "POST /api/v1/chargeback/rules/preview": analystWrites("/api/v1/chargeback/rules/preview", {
    body: {},
    allowedStatus: 400,
  }),
  "PUT /api/v1/chargeback/rules/[key]": orgAdmins("/api/v1/chargeback/rules/no-such-rule", {
    body: {},
    allowedStatus: 400,
    scopedAdmin: 400,
  }),
  "POST /api/v1/chargeback/rules/[key]/retire": orgAdmins(
    "/api/v1/chargeback/rules/no-such-rule/retire",
    { body: {}, allowedStatus: 400, scopedAdmin: 400 },
  ),
  // A month without data cannot be closed or re-opened (409): the admin got past every authorization check.
  "PUT /api/v1/chargeback/periods/[month]": orgAdmins("/api/v1/chargeback/periods/2000-01", {
    admin: 409,
  }),
  "DELETE /api/v1/chargeback/periods/[month]": orgAdmins("/api/v1/chargeback/periods/2000-01", {
    admin: 409,
  }),
  "PUT /api/v1/chargeback/settings": orgAdmins("/api/v1/chargeback/settings", {
    body: {},
    allowedStatus: 400,
    scopedAdmin: 400,
  }),
  "PUT /api/v1/chargeback/charge-policies": orgAdmins("/api/v1/chargeback/charge-policies", {
    body: {},
    allowedStatus: 400,
    scopedAdmin: 400,
  }),
  "PUT /api/v1/chargeback/ou-defaults": orgAdmins("/api/v1/chargeback/ou-defaults", {
    body: {},
    allowedStatus: 400,
    scopedAdmin: 400,
  }),
};
