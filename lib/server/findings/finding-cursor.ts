// Opaque page cursors for the findings list: the keyset position, base64url-encoded.
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { FindingCursor } from "./query-finding-rows";

const ZCursor = z.object({ r: z.number().int(), f: z.string() });

export const findingCursor = {
  encode: (c: FindingCursor): string =>
    Buffer.from(JSON.stringify({ r: c.rank, f: c.fingerprint })).toString("base64url"),
  decode: (text: string): FindingCursor => {
    try {
      const c = ZCursor.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
      return { rank: c.r, fingerprint: c.f };
    } catch {
      throw new AppError("INVALID_CURSOR", "Invalid cursor.");
    }
  },
};
