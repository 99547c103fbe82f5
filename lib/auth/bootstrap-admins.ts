// ORGLENS_ADMIN_EMAILS is for the first set-up only: it makes those (verified) emails admins of the
// whole organization whatever the role bindings say. Once an admin binding exists it should go.
import type { Db } from "@/lib/db/client";

export async function warnIfBootstrapAdminsLinger(db: Db, adminEmails: readonly string[], warn: (line: string) => void): Promise<void> {
  if (adminEmails.length === 0) return;
  const admins = await db.roleBinding.count({ where: { role: "admin" } });
  if (admins === 0) return;
  warn(
    `ORGLENS_ADMIN_EMAILS is set (${adminEmails.length} email(s)) although ${admins} admin role binding(s) exist: ` +
      "these emails stay unscoped admins whatever the bindings say. It is meant for the first set-up; remove it now.",
  );
}
