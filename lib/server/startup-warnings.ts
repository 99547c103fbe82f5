// Start-up warnings of the web process. A warning never stops the app; a database that is not
// reachable yet is logged and left to the first request to report.
import "server-only";
import { warnIfBootstrapAdminsLinger } from "@/lib/auth/bootstrap-admins";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/server/logger";

export async function warnAboutStartupConfiguration(): Promise<void> {
  try {
    await warnIfBootstrapAdminsLinger(db, env.ORGLENS_ADMIN_EMAILS, (line) => logger.warn(line));
  } catch (err) {
    logger.warn({ err }, "start-up checks could not read the database");
  }
}
