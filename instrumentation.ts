// Runs once when a server process starts (Next.js instrumentation hook): start-up warnings about the
// configuration that the environment schema cannot judge alone because they depend on the database.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warnAboutStartupConfiguration } = await import("@/lib/server/startup-warnings");
  await warnAboutStartupConfiguration();
}
