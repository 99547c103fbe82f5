// One saved view the caller may see, or a 404: another person's private view does not exist for them.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { notFound } from "@/lib/errors";
import { isVisible, type StoredView } from "./view-row";

export const VIEW_NOT_FOUND = "No such saved view.";

export async function findVisibleView(
  db: Pick<Db, "savedView">,
  caller: Pick<Principal, "email" | "role">,
  id: string,
): Promise<StoredView> {
  const view = await db.savedView.findUnique({ where: { id } });
  if (!view || !isVisible(caller, view)) throw notFound(VIEW_NOT_FOUND);
  return view;
}
