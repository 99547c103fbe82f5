import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { TRequestSettings } from "@/lib/api/requests";
import { requireOrgAdmin } from "@/lib/server/authorize";
import { getRequestSettings } from "./get-request-settings";

export const REQUEST_SETTINGS_ORG_WIDE =
  "Account-request settings (whether approvals create AWS accounts) apply to the whole organization; only an admin without an OU scope can view or change them.";

/** The settings page's read: org-wide, so unscoped admins only (the decision code reads them directly). */
export async function showRequestSettings(db: Db, principal: Principal): Promise<TRequestSettings> {
  requireOrgAdmin(principal, REQUEST_SETTINGS_ORG_WIDE);
  return getRequestSettings(db);
}
