// A JSON value, validated: lets parsed JSON flow into typed code (and Prisma Json columns) without casts.
import { z } from "zod";

export type TJson = string | number | boolean | { [key: string]: TJson | null } | (TJson | null)[];

export const ZJson: z.ZodType<TJson> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.array(ZJson.nullable()),
    z.record(z.string(), ZJson.nullable()),
  ]),
);

/**
 * Whether a parsed JSON value nests deeper than `max` arrays/objects, measured without recursion (a
 * recursive walk or schema would overflow the stack on a hostile document long before a size cap).
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [v, depth] = item;
    if (typeof v !== "object" || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
