// Imports a CMDB export (account id, name, owner): all or nothing, and idempotent: a row already held
// with the same name and owner is left untouched; accounts missing from the file are kept. Used by
// the route and by `npm run accounts:import`.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { TKnownAccountImportResult } from "@/lib/api/known-accounts";
import { parseKnownAccountsCsv } from "@/lib/domain/known-accounts/parse-known-accounts-csv";
import { AppError } from "@/lib/errors";
import { auditKnownAccount } from "./audit-known-account";
import { requireUnscoped, type TActor } from "./require-unscoped";

export async function importKnownAccounts(
  db: Db,
  actor: TActor,
  csv: string,
  fileName: string | null = null,
): Promise<TKnownAccountImportResult> {
  requireUnscoped(actor);
  const { rows, errors } = parseKnownAccountsCsv(csv);
  if (errors.length) {
    const n = errors.length;
    throw new AppError(
      "IMPORT_ROWS_INVALID",
      `${n} row${n === 1 ? " is" : "s are"} invalid; nothing was imported. Fix ${n === 1 ? "it" : "them"} and import the file again.`,
      { rows: errors },
    );
  }
  return db.$transaction(async (tx) => {
    const existing = await tx.knownAccount.findMany({
      where: { accountId: { in: rows.map((r) => r.accountId) } },
      select: { accountId: true, name: true, owner: true },
    });
    const held = new Map(existing.map((e) => [e.accountId, e]));
    const created = rows.filter((r) => !held.has(r.accountId));
    const changed = rows.filter((r) => {
      const h = held.get(r.accountId);
      return h !== undefined && (h.name !== r.name || h.owner !== r.owner);
    });
    await tx.knownAccount.createMany({
      data: created.map((r) => ({
        accountId: r.accountId,
        name: r.name,
        owner: r.owner,
        source: "import",
      })),
    });
    for (const r of changed)
      await tx.knownAccount.update({
        where: { accountId: r.accountId },
        data: { name: r.name, owner: r.owner, source: "import" },
      });
    const result = {
      created: created.length,
      updated: changed.length,
      unchanged: rows.length - created.length - changed.length,
    };
    if (result.created + result.updated > 0) {
      const detail = {
        ...result,
        file: fileName,
        createdIds: created.map((r) => r.accountId).slice(0, 100),
        updatedIds: changed.map((r) => r.accountId).slice(0, 100),
      };
      await auditKnownAccount(tx, {
        actor: actor.email,
        action: "settings.known_account.import",
        target: null,
        detail,
      });
    }
    return result;
  });
}
