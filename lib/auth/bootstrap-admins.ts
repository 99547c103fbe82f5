// ORGLENS_ADMIN_EMAILS is for the first set-up only: it makes those (verified) emails admins of the
// whole organization whatever the role bindings say. Once an admin binding exists it should go.
import { createPrismaClient, type Db } from "@/lib/db/client";

export async function warnIfBootstrapAdminsLinger(
  db: Db,
  adminEmails: readonly string[],
  warn: (line: string) => void,
): Promise<void> {
  if (adminEmails.length === 0) return;
  const admins = await db.roleBinding.count({ where: { role: "admin" } });
  if (admins === 0) return;
  warn(
    `ORGLENS_ADMIN_EMAILS is set (${adminEmails.length} email(s)) although ${admins} admin role binding(s) exist: ` +
      "these emails stay unscoped admins whatever the bindings say. It is meant for the first set-up; remove it now.",
  );
}

/**
 * The start-up check of the web process (instrumentation.ts). Its own short-lived client and plain
 * console output: instrumentation runs outside the React server layer, where the app's server-only
 * modules (lib/db, lib/env, the logger) cannot be imported. A database not reachable yet is only noted.
 */
export async function checkBootstrapAdminsAtStartup(source: {
  DATABASE_URL?: string;
  ORGLENS_ADMIN_EMAILS?: string;
}): Promise<void> {
  const emails = (source.ORGLENS_ADMIN_EMAILS ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (emails.length === 0 || !source.DATABASE_URL) return;
  const db = createPrismaClient(source.DATABASE_URL, { max: 1 });
  try {
    await warnIfBootstrapAdminsLinger(db, emails, (line) =>
      console.warn(`[orglens] warning: ${line}`),
    );
  } catch (err) {
    console.warn(
      `[orglens] warning: could not check ORGLENS_ADMIN_EMAILS against the role bindings: ${err instanceof Error ? err.message : String(err)}`,
    );
  } finally {
    await db.$disconnect();
  }
}
