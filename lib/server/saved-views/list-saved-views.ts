// The saved views a caller may use: their own and the shared ones, on the pages their role may open.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import type { TSavedView } from "@/lib/api/saved-views";
import type { TViewPage } from "@/lib/domain/saved-views";
import { callerKey, pagesFor, toSavedView } from "./view-row";

export async function listSavedViews(
  db: Db,
  caller: Pick<Principal, "email" | "role">,
  filter: { page?: TViewPage; pinnedOnly?: boolean } = {},
): Promise<{ items: TSavedView[] }> {
  const me = callerKey(caller);
  const pages = pagesFor(caller).filter((p) => !filter.page || p === filter.page);
  const rows = await db.savedView.findMany({
    where: {
      page: { in: pages },
      OR: [{ owner: me }, { shared: true }],
      ...(filter.pinnedOnly ? { pins: { some: { userEmail: me } } } : {}),
    },
    include: { pins: { where: { userEmail: me }, select: { userEmail: true } } },
    orderBy: [{ page: "asc" }, { name: "asc" }, { id: "asc" }],
  });
  return { items: rows.map((v) => toSavedView(caller, v, v.pins.length > 0)) };
}
