import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/testing/db";
import { warnIfBootstrapAdminsLinger } from "./bootstrap-admins";

describe("warnIfBootstrapAdminsLinger", () => {
  const t = useTestDatabase();

  it("warns while ORGLENS_ADMIN_EMAILS is set once an admin role binding exists, and only then", async () => {
    const warnings: string[] = [];
    const warn = (line: string) => void warnings.push(line);
    await warnIfBootstrapAdminsLinger(t.db, ["root@corp.example"], warn);
    expect(warnings, "first set-up: no admin binding yet").toEqual([]);

    await t.db.roleBinding.create({ data: { group: "platform-admins", role: "admin", ouIds: [] } });
    await warnIfBootstrapAdminsLinger(t.db, [], warn);
    expect(warnings, "variable unset").toEqual([]);

    await warnIfBootstrapAdminsLinger(t.db, ["root@corp.example"], warn);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ORGLENS_ADMIN_EMAILS.*remove it/);
  });
});
