// Runs once when a server process starts (Next.js instrumentation hook): start-up warnings about
// configuration that depends on the database, so the environment schema cannot judge it alone.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkBootstrapAdminsAtStartup } = await import("@/lib/auth/bootstrap-admins");
  await checkBootstrapAdminsAtStartup({
    DATABASE_URL: process.env.DATABASE_URL,
    ORGLENS_ADMIN_EMAILS: process.env.ORGLENS_ADMIN_EMAILS,
  });
}
