// Saves a page's URL state under a name: private, or shared with everyone by those who may share.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import type { TSavedView, TSavedViewInput } from "@/lib/api/saved-views";
import { MAX_VIEWS_PER_OWNER, VIEW_PAGES } from "@/lib/domain/saved-views";
import { can } from "@/lib/auth/roles";
import { AppError, conflict, forbidden } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { callerKey, toSavedView } from "./view-row";

export async function createSavedView(
  db: Db,
  caller: Pick<Principal, "email" | "role">,
  input: TSavedViewInput,
): Promise<TSavedView> {
  if (!can(caller.role, VIEW_PAGES[input.page].permission))
    throw forbidden(`Your role cannot open ${VIEW_PAGES[input.page].label}.`);
  if (input.shared && !can(caller.role, "views:share"))
    throw forbidden("Your role cannot share views; save it as a private view.");
  const owner = callerKey(caller);
  try {
    const view = await db.$transaction(async (tx) => {
      // Serialize one person's saves so the cap holds under concurrent requests.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`saved_view:${owner}`}))`;
      if ((await tx.savedView.count({ where: { owner } })) >= MAX_VIEWS_PER_OWNER)
        throw new AppError(
          "INVALID_INPUT",
          `You have ${MAX_VIEWS_PER_OWNER} saved views, the most one person may keep: delete some first.`,
        );
      return tx.savedView.create({
        data: {
          page: input.page,
          name: input.name,
          query: input.query,
          shared: input.shared,
          owner,
        },
      });
    });
    return toSavedView(caller, view, false);
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw conflict(
        `You already have a view named "${input.name}" on ${VIEW_PAGES[input.page].label}.`,
      );
    throw e;
  }
}
