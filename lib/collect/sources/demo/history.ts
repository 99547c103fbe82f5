// The organization's account records and their history: past placements and the
// CreateAccount requests behind every CREATED account.
import type { AccountSpec } from "./spec";
import type { AccountInput, CreateAccountStatusInput, PlacementInput } from "./types";
import { Rng } from "./rng";
import { DAY_MS, iso, MINUTE_MS } from "./time";

export function toAccountInput(spec: AccountSpec): AccountInput {
  return {
    id: spec.id,
    name: spec.name,
    email: spec.email,
    status: spec.status,
    joinedMethod: spec.joinedMethod,
    joinedAt: iso(spec.joinedAt),
    parentId: spec.parentId,
    tags: { ...spec.tags },
  };
}

export function buildPlacements(specs: readonly AccountSpec[]): PlacementInput[] {
  const out: PlacementInput[] = [];
  for (const spec of specs) {
    for (const p of spec.history)
      out.push({ accountId: spec.id, parentId: p.parentId, from: iso(p.from), to: iso(p.to) });
  }
  return out;
}

/** Request ids look like AWS's: "car-" and 32 lowercase hex characters. */
function requestId(rng: Rng): string {
  return `car-${rng.hex(32)}`;
}

export function buildCreateAccountStatuses(
  specs: readonly AccountSpec[],
  seed: number,
  now: number,
): CreateAccountStatusInput[] {
  const rng = new Rng(seed, "create-account");
  const out: CreateAccountStatusInput[] = [];
  for (const spec of specs) {
    if (spec.joinedMethod !== "CREATED") continue;
    // Per account, so the request id stays the same in every snapshot of the history.
    const own = new Rng(seed, `create-account:${spec.id}`);
    // An account shows as joined when provisioning completes, a few minutes after the request.
    const requestedAt = spec.joinedAt - own.int(90, 420) * 1000;
    out.push({
      id: requestId(own),
      accountName: spec.name,
      accountId: spec.id,
      state: "SUCCEEDED",
      requestedAt: iso(requestedAt),
      completedAt: iso(spec.joinedAt),
      failureReason: null,
    });
  }
  // A retry with an address that is already taken, and a request still running.
  const failedAt = now - 41 * DAY_MS - rng.int(0, 600) * MINUTE_MS;
  out.push({
    id: requestId(rng),
    accountName: "payments-staging",
    accountId: null,
    state: "FAILED",
    requestedAt: iso(failedAt),
    completedAt: iso(failedAt + 38_000),
    failureReason: "EMAIL_ALREADY_EXISTS",
  });
  out.push({
    id: requestId(rng),
    accountName: "mobile-staging",
    accountId: null,
    state: "IN_PROGRESS",
    requestedAt: iso(now - 3 * MINUTE_MS),
    completedAt: null,
    failureReason: null,
  });
  return out;
}
