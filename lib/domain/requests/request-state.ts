// A stored request row as the state machine's input: the row's status is free text in the database.
// Typed by shape, not by the Prisma model, so the domain stays free of the database client.
import { z } from "zod";
import { REQUEST_STATUSES, type RequestState } from "./state-machine";

export function requestStateOf(r: Omit<RequestState, "status"> & { status: string }): RequestState {
  return { ...r, status: z.enum(REQUEST_STATUSES).parse(r.status) };
}
