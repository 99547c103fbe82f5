import { orgAdmins, type Expectations } from "./types";

// Known accounts (Settings → Known accounts): admins of the whole organization only. The ids are valid
// but unused, and the probes change nothing.
const ABSENT = "000000000001";
/** A header-only file: a valid import of no rows. */
const EMPTY_IMPORT = { csv: "account_id,name,owner\n" };
export const KNOWN_ACCOUNTS: Expectations = {
  "GET /api/v1/known-accounts": orgAdmins("/api/v1/known-accounts"),
  // An empty body is refused by input validation before the server function's scope check, for the
  // scoped admin too; the other methods show its 403.
  "POST /api/v1/known-accounts": orgAdmins("/api/v1/known-accounts", {
    body: {},
    allowedStatus: 400,
    scopedAdmin: 400,
  }),
  "PUT /api/v1/known-accounts/[id]": orgAdmins(`/api/v1/known-accounts/${ABSENT}`, {
    body: {},
    admin: 404,
  }),
  "DELETE /api/v1/known-accounts/[id]": orgAdmins(`/api/v1/known-accounts/${ABSENT}`, {
    admin: 404,
  }),
  "POST /api/v1/known-accounts/import": orgAdmins("/api/v1/known-accounts/import", {
    body: EMPTY_IMPORT,
  }),
};
