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
