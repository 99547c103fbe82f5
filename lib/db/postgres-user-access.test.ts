// Root starting the embedded PostgreSQL from a folder the postgres user cannot enter (a clone under
// /root, mode 0700) stops at once with what to do, instead of failing inside initdb.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";
import {
  assertPostgresUserCanReach,
  firstBlockedFolder,
  type PosixUser,
} from "./postgres-user-access";

/** Owns nothing here and is in no group of ours: only the "other" bits let it in. */
const STRANGER: PosixUser = { name: "postgres", uid: 65_534, gid: 65_534 };

describe("the postgres user's access to the project", () => {
  let home = "";
  let checkout = "";

  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), "orglens-root-home-"));
    checkout = path.join(home, "orglens");
    mkdirSync(path.join(checkout, "node_modules"), { recursive: true });
    chmodSync(checkout, 0o755);
  });
  afterEach(() => {
    chmodSync(home, 0o700);
    rmSync(home, { recursive: true, force: true });
  });

  it("names the first folder it cannot enter, also on the way to a data folder that does not exist yet", () => {
    chmodSync(home, 0o700);
    expect(firstBlockedFolder(path.join(checkout, "node_modules"), STRANGER)).toBe(home);
    expect(firstBlockedFolder(path.join(checkout, ".data", "pg"), STRANGER)).toBe(home);
    chmodSync(home, 0o711);
    expect(firstBlockedFolder(path.join(checkout, ".data", "pg"), STRANGER)).toBeNull();
  });

  it("says what to do", () => {
    chmodSync(home, 0o700);
    expect(() =>
      assertPostgresUserCanReach([path.join(checkout, ".data", "pg")], STRANGER),
    ).toThrow(
      new RegExp(
        `cannot enter ${home} \\(mode 0700\\).*regular user.*DATABASE_URL.*chmod o\\+x ${home}`,
      ),
    );
  });

  it("startEmbeddedPostgres stops before initdb, leaving no cluster behind", async () => {
    chmodSync(home, 0o700);
    const dataDir = path.join(checkout, ".data", "pg");
    await expect(
      startEmbeddedPostgres({ dataDir, ephemeral: true, runAs: STRANGER }),
    ).rejects.toThrow(/cannot enter .* \(mode 0700\)/);
    expect(existsSync(path.join(checkout, ".data"))).toBe(false);
  });
});
