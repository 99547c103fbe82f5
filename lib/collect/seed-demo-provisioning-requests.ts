// The OrgLens account requests behind some of the demo's planted account creations, written before
// the history runs so every run can measure "approved request to compliant". Skips an account that
// already has a request. No "server-only": called from the demo load (lib/collect/load-demo.ts).
import type { Db } from "@/lib/db/client";
import type { DemoOptions } from "@/lib/collect/sources/demo";
import { demoAccountRequests } from "@/lib/collect/sources/demo/provisioning-requests";

export async function seedDemoProvisioningRequests(db: Db, opts: DemoOptions): Promise<number> {
  const rows = demoAccountRequests(opts);
  const taken = new Set(
    (
      await db.accountRequest.findMany({
        where: { accountId: { in: rows.map((r) => r.accountId) } },
        select: { accountId: true },
      })
    ).map((r) => r.accountId),
  );
  const fresh = rows.filter((r) => !taken.has(r.accountId));
  if (fresh.length) await db.accountRequest.createMany({ data: fresh });
  return fresh.length;
}
