import { admins, type Expectations } from "./types";

// Known accounts (Settings → Known accounts): unscoped admins only. The ids are valid but unused.
const ABSENT = "000000000001";
export const KNOWN_ACCOUNTS: Expectations = {
  "GET /api/v1/known-accounts": admins("/api/v1/known-accounts"),
  "POST /api/v1/known-accounts": admins("/api/v1/known-accounts", { body: {} }),
  "PUT /api/v1/known-accounts/[id]": admins(`/api/v1/known-accounts/${ABSENT}`, { body: {}, admin: 404 }),
  "DELETE /api/v1/known-accounts/[id]": admins(`/api/v1/known-accounts/${ABSENT}`, { admin: 404 }),
  "POST /api/v1/known-accounts/import": admins("/api/v1/known-accounts/import", { body: {} }),
};
