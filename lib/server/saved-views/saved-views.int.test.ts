import { describe, expect, it } from "vitest";
import type { Principal } from "@/lib/domain/access";
import { ZSavedViewInput, ZSavedViewPatch } from "@/lib/api/saved-views";
import { MAX_VIEWS_PER_OWNER } from "@/lib/domain/saved-views";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/testing/db";
import { createSavedView } from "./create-saved-view";
import { deleteSavedView } from "./delete-saved-view";
import { listSavedViews } from "./list-saved-views";
import { updateSavedView } from "./update-saved-view";

type Caller = Pick<Principal, "email" | "role" | "scope">;
const ANALYST: Caller = { email: "Ana@Example.com", role: "analyst", scope: { ouIds: null } };
const OTHER: Caller = { email: "bob@example.com", role: "analyst", scope: { ouIds: ["ou-prod"] } };
const VIEWER: Caller = { email: "vic@example.com", role: "viewer", scope: { ouIds: null } };
const ADMIN: Caller = { email: "root@example.com", role: "admin", scope: { ouIds: null } };
const SCOPED_ADMIN: Caller = {
  email: "lead@example.com",
  role: "admin",
  scope: { ouIds: ["ou-prod"] },
};

const input = (v: Record<string, unknown>) => ZSavedViewInput.parse(v);
const patch = (v: Record<string, unknown>) => ZSavedViewPatch.parse(v);
const code = (c: string) => (e: unknown) => {
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(c);
  return true;
};

describe("saved views against Postgres", () => {
  const t = useTestDatabase();

  it("saves the page's query normalized, under the caller's lower-cased email, and lists it", async () => {
    const v = await createSavedView(
      t.db,
      ANALYST,
      input({
        page: "findings",
        name: " High IAM ",
        query: "?severity=high&check=IAM_LOCAL_USERS&ou=",
      }),
    );
    expect(v).toMatchObject({
      name: "High IAM",
      query: "check=IAM_LOCAL_USERS&severity=high",
      href: "/findings?check=IAM_LOCAL_USERS&severity=high",
      owner: "ana@example.com",
      shared: false,
      mine: true,
      pinned: false,
    });
    const listed = await listSavedViews(t.db, ANALYST, { page: "findings" });
    expect(listed.items.map((i) => i.id)).toEqual([v.id]);
  });

  it("a private view does not exist for anyone else: not listed, not renamed, pinned or deleted (404)", async () => {
    const v = await createSavedView(
      t.db,
      ANALYST,
      input({ page: "costs", name: "Mine only", query: "groupBy=service" }),
    );
    expect((await listSavedViews(t.db, OTHER)).items.some((i) => i.id === v.id)).toBe(false);
    await expect(updateSavedView(t.db, OTHER, v.id, patch({ name: "stolen" }))).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    await expect(updateSavedView(t.db, OTHER, v.id, patch({ pinned: true }))).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    await expect(deleteSavedView(t.db, OTHER, v.id)).rejects.toSatisfy(code("NOT_FOUND"));
    // Not even an organization admin sees someone's private view.
    await expect(deleteSavedView(t.db, ADMIN, v.id)).rejects.toSatisfy(code("NOT_FOUND"));
    expect(await t.db.savedView.count({ where: { id: v.id, name: "Mine only" } })).toBe(1);
  });

  it("a shared view is listed for others, who may pin it to their own overview but not rename or delete it", async () => {
    const v = await createSavedView(
      t.db,
      ANALYST,
      input({ page: "costs", name: "By service", query: "groupBy=service", shared: true }),
    );
    const seen = (await listSavedViews(t.db, OTHER, { page: "costs" })).items.find(
      (i) => i.id === v.id,
    );
    expect(seen).toMatchObject({
      mine: false,
      shared: true,
      owner: "ana@example.com",
      pinned: false,
    });

    const pinned = await updateSavedView(t.db, OTHER, v.id, patch({ pinned: true }));
    expect(pinned.pinned).toBe(true);
    expect(
      (await listSavedViews(t.db, OTHER, { pinnedOnly: true })).items.map((i) => i.id),
    ).toEqual([v.id]);
    // The owner's overview is not changed by someone else's pin.
    expect((await listSavedViews(t.db, ANALYST, { pinnedOnly: true })).items).toEqual([]);

    await expect(updateSavedView(t.db, OTHER, v.id, patch({ name: "Renamed" }))).rejects.toSatisfy(
      code("FORBIDDEN"),
    );
    await expect(updateSavedView(t.db, OTHER, v.id, patch({ shared: false }))).rejects.toSatisfy(
      code("FORBIDDEN"),
    );
    await expect(deleteSavedView(t.db, OTHER, v.id)).rejects.toSatisfy(code("FORBIDDEN"));
    // A scoped admin is not an organization admin either.
    await expect(deleteSavedView(t.db, SCOPED_ADMIN, v.id)).rejects.toSatisfy(code("FORBIDDEN"));

    // Made private again: it leaves the other person's list and overview.
    await updateSavedView(t.db, ANALYST, v.id, patch({ shared: false }));
    expect((await listSavedViews(t.db, OTHER)).items.some((i) => i.id === v.id)).toBe(false);
    expect(await t.db.savedViewPin.count({ where: { viewId: v.id } })).toBe(0);
  });

  it("an organization admin may delete a shared view; its pins go with it", async () => {
    const v = await createSavedView(
      t.db,
      ANALYST,
      input({ page: "findings", name: "Shared to delete", query: "status=muted", shared: true }),
    );
    await updateSavedView(t.db, OTHER, v.id, patch({ pinned: true }));
    await deleteSavedView(t.db, ADMIN, v.id);
    expect(await t.db.savedView.count({ where: { id: v.id } })).toBe(0);
    expect(await t.db.savedViewPin.count({ where: { viewId: v.id } })).toBe(0);
  });

  it("a viewer saves private showback views but cannot share, nor save or see findings views", async () => {
    await expect(
      createSavedView(t.db, VIEWER, input({ page: "costs", name: "x", query: "", shared: true })),
    ).rejects.toSatisfy(code("FORBIDDEN"));
    await expect(
      createSavedView(t.db, VIEWER, input({ page: "findings", name: "x", query: "" })),
    ).rejects.toSatisfy(code("FORBIDDEN"));
    const own = await createSavedView(
      t.db,
      VIEWER,
      input({ page: "costs", name: "Mine", query: "" }),
    );
    await expect(updateSavedView(t.db, VIEWER, own.id, patch({ shared: true }))).rejects.toSatisfy(
      code("FORBIDDEN"),
    );
    // Shared findings views exist, but not for a role that cannot open findings.
    const listed = await listSavedViews(t.db, VIEWER);
    expect(listed.items.every((i) => i.page === "costs")).toBe(true);
    expect(listed.items.some((i) => i.id === own.id)).toBe(true);
  });

  it("names are unique per person and page (409), and one person keeps at most the cap", async () => {
    await createSavedView(t.db, OTHER, input({ page: "findings", name: "Dup", query: "a=1" }));
    await expect(
      createSavedView(t.db, OTHER, input({ page: "findings", name: "Dup", query: "b=2" })),
    ).rejects.toSatisfy(code("CONFLICT"));
    // The same name on another page, or by another person, is fine.
    await createSavedView(t.db, OTHER, input({ page: "costs", name: "Dup", query: "" }));
    await createSavedView(t.db, ANALYST, input({ page: "findings", name: "Dup", query: "" }));

    const heavy = "cap@example.com";
    await t.db.savedView.createMany({
      data: Array.from({ length: MAX_VIEWS_PER_OWNER }, (_, i) => ({
        page: "costs",
        name: `v${i}`,
        query: "",
        owner: heavy,
      })),
    });
    await expect(
      createSavedView(
        t.db,
        { ...OTHER, email: heavy },
        input({ page: "costs", name: "one more", query: "" }),
      ),
    ).rejects.toSatisfy(code("INVALID_INPUT"));
  });

  it("input is checked: unknown page, blank name, control characters, an overlong query", () => {
    expect(ZSavedViewInput.safeParse({ page: "settings", name: "x", query: "" }).success).toBe(
      false,
    );
    expect(ZSavedViewInput.safeParse({ page: "costs", name: "  ", query: "" }).success).toBe(false);
    expect(ZSavedViewInput.safeParse({ page: "costs", name: "a\u0000b", query: "" }).success).toBe(
      false,
    );
    expect(
      ZSavedViewInput.safeParse({ page: "costs", name: "x", query: "q=".padEnd(2_001, "x") })
        .success,
    ).toBe(false);
    expect(ZSavedViewPatch.safeParse({}).success).toBe(false);
    // Whatever the query says, the link stays on the page: the path never comes from input.
    const parsed = ZSavedViewInput.parse({
      page: "costs",
      name: "x",
      query: "//evil.example/?a=1",
    });
    expect(parsed.query).not.toContain("evil.example/?");
  });
});
