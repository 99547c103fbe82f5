// Prisma CLI configuration. The app and scripts connect through @prisma/adapter-pg with the URL
// they resolve themselves (DATABASE_URL or the embedded cluster); the CLI only needs it for
// `prisma migrate deploy` where Prisma's binaries are available.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(url ? { datasource: { url } } : {}),
});
