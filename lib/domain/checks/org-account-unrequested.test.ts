import { describe, expect, it } from "vitest";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { ACC, OU, findingsOf } from "@/testing/checks/fixtures";
import {
  ORG_ACCOUNT_UNREQUESTED,
  orgAccountUnrequested,
  unrequestedAccountFinding,
} from "./org-account-unrequested";

const NEW = "777777777777";
const SINCE = new Date("2026-03-01T00:00:00.000Z");

/** An account created on 10 March (after the process started) and its CreateAccount status. */
const created =
  (over: Partial<TSnapshot["accounts"][number]> = {}) =>
  (s: TSnapshot) => {
    s.accounts.push({
      id: NEW,
      name: "shadow-it",
      email: "aws+shadow-it@example.com",
      status: "ACTIVE",
      joinedMethod: "CREATED",
      joinedAt: "2026-03-10T12:05:00.000Z",
      parentId: OU.sdlc,
      tags: {},
      ...over,
    });
    s.createAccountStatuses.push({
      id: "car-0123456789abcdef0123456789abcdef",
      accountName: "shadow-it",
      accountId: NEW,
      state: "SUCCEEDED",
      requestedAt: "2026-03-10T12:00:00.000Z",
      completedAt: "2026-03-10T12:05:00.000Z",
      failureReason: null,
    });
  };

const flagged = (
  mutate: (s: TSnapshot) => void,
  ctx: Parameters<typeof findingsOf>[2] = {},
): (string | null)[] =>
  findingsOf(orgAccountUnrequested, mutate, { requestProcessSince: SINCE, ...ctx }).map(
    (f) => f.accountId,
  );

describe(ORG_ACCOUNT_UNREQUESTED, () => {
  it("flags an account created after the process started with no request, naming the creation", () => {
    const [f] = findingsOf(orgAccountUnrequested, created(), { requestProcessSince: SINCE });
    expect(f).toMatchObject({
      accountId: NEW,
      severity: "medium",
      title: "shadow-it was created without an account request",
      evidence: {
        createdBy: null,
        createAccountRequestId: "car-0123456789abcdef0123456789abcdef",
        createdAt: "2026-03-10T12:00:00.000Z",
      },
    });
    expect(f?.message).toContain("created outside OrgLens at 2026-03-10T12:00:00.000Z");
  });

  it("names the creator an event supplied", () => {
    const [f] = findingsOf(orgAccountUnrequested, created(), {
      requestProcessSince: SINCE,
      accountCreators: new Map([[NEW, "arn:aws:iam::111111111111:user/mallory"]]),
    });
    expect(f?.message).toContain("created by arn:aws:iam::111111111111:user/mallory");
    expect(f?.evidence.createdBy).toBe("arn:aws:iam::111111111111:user/mallory");
  });

  it("flags an invited account too, from its join time", () => {
    const [f] = findingsOf(
      orgAccountUnrequested,
      (s) => {
        created({ joinedMethod: "INVITED" })(s);
        s.createAccountStatuses = [];
      },
      { requestProcessSince: SINCE },
    );
    expect(f?.title).toBe("shadow-it was invited into the organization without an account request");
    expect(f?.evidence.createAccountRequestId).toBeNull();
  });

  it.each([
    [
      "an account vended or linked through a request",
      created(),
      { requestedAccountIds: new Set([NEW]) },
    ],
    ["a known account", created(), { knownAccountIds: new Set([NEW]) }],
    [
      "an account that joined before the process started",
      created({ joinedAt: "2026-02-27T09:00:00.000Z" }),
      {},
    ],
    ["a suspended account", created({ status: "SUSPENDED" }), {}],
    [
      "any account while the process has no start (never collected)",
      created(),
      { requestProcessSince: null },
    ],
  ] as const)("does not flag %s", (_name, mutate, ctx) => {
    expect(flagged(mutate, ctx)).toEqual([]);
  });

  it("never flags the management account, even when it joined after the start", () => {
    const finding = unrequestedAccountFinding(
      {
        id: ACC.mgmt,
        name: "management",
        status: "ACTIVE",
        joinedMethod: "CREATED",
        joinedAt: "2026-03-10T00:00:00.000Z",
      },
      { creation: null, createdBy: null },
      {
        managementAccountId: ACC.mgmt,
        knownAccountIds: new Set(),
        requestedAccountIds: new Set(),
        since: SINCE,
      },
    );
    expect(finding).toBeNull();
  });
});
