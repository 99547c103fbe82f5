// Which source "Run collection now" collects from; the run itself is the same pipeline as
// `npm run collect` and the demo loader (lib/collect/collect.ts).
import "server-only";
import { z } from "zod";
import type { Source } from "@/lib/collect/collect";
import { awsSource, loadAwsConfig } from "@/lib/collect/sources/aws";
import { MIN_ACCOUNTS } from "@/lib/collect/sources/demo";
import { demoSource } from "@/lib/collect/sources/demo/source";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TTriggerSource } from "./choose-run-source";

export async function sourceFor(db: Db, source: TTriggerSource): Promise<Source> {
  if (source === "demo") {
    // Same size as the organization already loaded, so a refresh does not remove accounts.
    const accounts = Math.max(MIN_ACCOUNTS, await db.account.count({ where: { removedAt: null } }));
    return demoSource({ accounts, monthsAgo: 0 });
  }
  try {
    return awsSource(db, { config: loadAwsConfig(process.env) });
  } catch (err) {
    if (!(err instanceof z.ZodError)) throw err;
    throw new AppError(
      "COLLECTOR_MISCONFIGURED",
      `The AWS collector is not configured correctly: ${err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
}
