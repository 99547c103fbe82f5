// The demo's request process, written before the history runs evaluate: from when accounts must come
// through a request (the request settings' processSince) and the accounts that joined since without
// one but are accounted for (known accounts). Leaves settings an admin already saved alone. No
// "server-only": called from the demo load (lib/collect/load-demo.ts).
import { REQUEST_SETTINGS_KEY, ZRequestSettings } from "@/lib/api/requests";
import type { Db } from "@/lib/db/client";
import type { DemoOptions } from "@/lib/collect/sources/demo";
import { demoRequestProcess } from "@/lib/collect/sources/demo/request-process";

export async function seedDemoRequestProcess(db: Db, opts: DemoOptions): Promise<void> {
  const process = demoRequestProcess(opts);
  if (!process) return;
  const existing = await db.setting.findUnique({ where: { key: REQUEST_SETTINGS_KEY } });
  if (!existing) {
    const value = ZRequestSettings.parse({ processSince: process.since.toISOString() });
    await db.setting.create({
      data: { key: REQUEST_SETTINGS_KEY, value, updatedBy: "demo" },
    });
  }
  await db.knownAccount.createMany({
    data: process.known.map((k) => ({
      accountId: k.accountId,
      name: k.name,
      owner: "Sandbox self-service (no account request needed)",
      source: "manual",
    })),
    skipDuplicates: true,
  });
}
