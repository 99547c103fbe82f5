// Deletes a saved view: its owner may, and an organization-wide admin may remove a shared one.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { isOrgAdmin } from "@/lib/server/authorize";
import { forbidden } from "@/lib/errors";
import { callerKey } from "./view-row";
import { findVisibleView } from "./find-visible-view";

export async function deleteSavedView(
  db: Db,
  caller: Pick<Principal, "email" | "role" | "scope">,
  id: string,
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const view = await findVisibleView(tx, caller, id);
    if (view.owner !== callerKey(caller) && !isOrgAdmin(caller))
      throw forbidden(
        "Only the person who saved this view (or an organization admin) can delete it.",
      );
    await tx.savedView.delete({ where: { id } });
    return { id };
  });
}
