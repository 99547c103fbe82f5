import { admins, NO_UUID, type Expectations } from "./types";

// Exception rules (Settings → Exceptions): admins; a scoped admin manages the rules targeting their
// OUs (another OU's rule is a 404, an org-wide target a 403: e2e/exception-rules.spec.ts and the
// integration tests). The probes change nothing: empty bodies, an unused id, a dry-run import.
const VALID_RULE = {
  name: "authz-probe",
  checkId: "IAM_LOCAL_USERS",
  reason: "authorization probe",
  owner: "e2e",
  reviewAt: "2030-01-01",
};

export const EXCEPTION_RULES: Expectations = {
  "GET /api/v1/exception-rules": admins("/api/v1/exception-rules"),
  "POST /api/v1/exception-rules": admins("/api/v1/exception-rules", {
    body: {},
    allowedStatus: 400,
  }),
  // A valid body: the probe reaches the server function, which finds no such rule.
  "PUT /api/v1/exception-rules/[id]": admins(`/api/v1/exception-rules/${NO_UUID}`, {
    body: VALID_RULE,
    allowedStatus: 404,
  }),
  "DELETE /api/v1/exception-rules/[id]": admins(`/api/v1/exception-rules/${NO_UUID}`, {
    allowedStatus: 404,
  }),
  "GET /api/v1/exception-rules/export": admins("/api/v1/exception-rules/export"),
  "POST /api/v1/exception-rules/import": admins("/api/v1/exception-rules/import", {
    body: { yaml: "version: 1\nrules: []\n", dryRun: true },
  }),
};
