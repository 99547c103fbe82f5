// A stored request row as the state machine's input (no "server-only": the CLI sync uses it).
import { z } from "zod";
import { REQUEST_STATUSES, type RequestState } from "@/lib/domain/requests/state-machine";
import type { AccountRequest } from "@/lib/generated/prisma/client";

export function requestStateOf(r: AccountRequest): RequestState {
  return { ...r, status: z.enum(REQUEST_STATUSES).parse(r.status) };
}
