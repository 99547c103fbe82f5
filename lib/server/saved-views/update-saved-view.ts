// Renames or shares one's own saved view; pins any visible view to (or off) one's own overview.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import type { TSavedView, TSavedViewPatch } from "@/lib/api/saved-views";
import { can } from "@/lib/auth/roles";
import { conflict, forbidden } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { callerKey, toSavedView } from "./view-row";
import { findVisibleView } from "./find-visible-view";

export async function updateSavedView(
  db: Db,
  caller: Pick<Principal, "email" | "role">,
  id: string,
  patch: TSavedViewPatch,
): Promise<TSavedView> {
  const me = callerKey(caller);
  try {
    return await db.$transaction(async (tx) => {
      const before = await findVisibleView(tx, caller, id);
      const changesView = patch.name !== undefined || patch.shared !== undefined;
      if (changesView && before.owner !== me)
        throw forbidden("Only the person who saved this view can rename or share it.");
      if (patch.shared && !before.shared && !can(caller.role, "views:share"))
        throw forbidden("Your role cannot share views.");
      const view = changesView
        ? await tx.savedView.update({
            where: { id },
            data: { name: patch.name, shared: patch.shared },
          })
        : before;
      // Made private again: it leaves everyone else's overview.
      if (patch.shared === false)
        await tx.savedViewPin.deleteMany({ where: { viewId: id, userEmail: { not: me } } });
      if (patch.pinned === true)
        await tx.savedViewPin.upsert({
          where: { viewId_userEmail: { viewId: id, userEmail: me } },
          create: { viewId: id, userEmail: me },
          update: {},
        });
      if (patch.pinned === false)
        await tx.savedViewPin.deleteMany({ where: { viewId: id, userEmail: me } });
      const pinned = (await tx.savedViewPin.count({ where: { viewId: id, userEmail: me } })) > 0;
      return toSavedView(caller, view, pinned);
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw conflict(`You already have a view named "${patch.name}" on that page.`);
    throw e;
  }
}
