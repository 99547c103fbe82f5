// One database holds one world: the fictional demo organization or a real one (AWS, FOCUS). Mixing
// them would leave fake accounts and costs beside real ones (and real alerts about fake findings),
// so the store refuses a snapshot from the other world until the collected data is reset.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSnapshot } from "@/lib/domain/snapshot";

type TDataWorld = "demo" | "real";

/** Run statuses whose snapshot was stored. */
export const STORED_RUN_STATUSES = ["succeeded", "partial", "capped"];

export const RESET_DATA_COMMAND = "npm run db:reset-data -- --yes";

function worldOf(source: string): TDataWorld {
  return source === "demo" ? "demo" : "real";
}

export class DataSourceMismatchError extends Error {
  constructor(
    readonly held: TDataWorld,
    readonly incoming: TSnapshot["source"],
  ) {
    super(
      held === "demo"
        ? `This database holds the demo organization; a ${incoming} collection would mix real data with fake accounts and costs. Reset the collected data first (${RESET_DATA_COMMAND}), or use another database.`
        : `This database holds data collected from a real organization; the demo would add fake accounts, costs and findings to it (and send real alerts). Use another database for the demo, or reset the collected data first (${RESET_DATA_COMMAND}).`,
    );
    this.name = "DataSourceMismatchError";
  }
}

/** Which world the stored data comes from, or null for a database without collected data. */
export async function heldDataWorld(tx: Prisma.TransactionClient): Promise<TDataWorld | null> {
  const runs = await tx.collectionRun.findMany({
    // A re-evaluation stores nothing: the world is what the collections stored.
    where: { status: { in: STORED_RUN_STATUSES }, source: { not: "re-evaluation" } },
    distinct: ["source"],
    select: { source: true },
  });
  const worlds = new Set(runs.map((r) => worldOf(r.source)));
  // A database mixed before this rule existed counts as demo: real collection must not build on it.
  if (worlds.has("demo")) return "demo";
  return worlds.has("real") ? "real" : null;
}

export async function assertSameDataWorld(
  tx: Prisma.TransactionClient,
  source: TSnapshot["source"],
): Promise<void> {
  const held = await heldDataWorld(tx);
  if (held && held !== worldOf(source)) throw new DataSourceMismatchError(held, source);
}
