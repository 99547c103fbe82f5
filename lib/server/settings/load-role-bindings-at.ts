// The role bindings as of a data version (lib/server/response-cache's dataVersion): every committed
// write moves the version, so a binding saved by an admin is seen by the very next request, and
// between writes the bindings are read once rather than on every request. No version (a write
// transaction still open) means no cache: read them.
import "server-only";
import type { Binding } from "@/lib/auth/resolve-role";
import type { Db } from "@/lib/db/client";
import { loadRoleBindings } from "./load-role-bindings";

declare global {
  var orglensRoleBindings: { db: Db; version: string; bindings: Promise<Binding[]> } | undefined;
}

export async function loadRoleBindingsAt(db: Db, version: string | null): Promise<Binding[]> {
  if (version === null) return loadRoleBindings(db);
  const held = globalThis.orglensRoleBindings;
  if (held && held.db === db && held.version === version) return held.bindings;
  const bindings = loadRoleBindings(db);
  globalThis.orglensRoleBindings = { db, version, bindings };
  try {
    return await bindings;
  } catch (err) {
    // A failed read is not remembered.
    if (globalThis.orglensRoleBindings?.bindings === bindings)
      globalThis.orglensRoleBindings = undefined;
    throw err;
  }
}
