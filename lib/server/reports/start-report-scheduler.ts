// The report schedules on pg-boss (its "pgboss" schema in the OrgLens database): one queue and one
// cron schedule per enabled report ("report-digest.<id>", 00:00 UTC of its send day), kept in step with
// the report table every minute. Each job, and each sync (catching up periods missed while no
// scheduler ran), calls runDueReports, which sends a period once however many schedulers run.
import "server-only";
import PgBoss from "pg-boss";
import type { Db } from "@/lib/db/client";
import { cronOf } from "@/lib/domain/reports/period";
import { cadenceOf } from "./deliver-report";
import { runDueReports } from "./run-due-reports";

export const REPORT_QUEUE_PREFIX = "report-digest.";

export interface ReportScheduler {
  /** Brings the schedules in step with the reports and sends what is due (also run every `syncMs`). */
  sync(): Promise<void>;
  stop(): Promise<void>;
}

export async function startReportScheduler(
  db: Db,
  databaseUrl: string,
  opts: { log: (line: string) => void; syncMs?: number },
): Promise<ReportScheduler> {
  const { log, syncMs = 60_000 } = opts;
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 2,
    application_name: "orglens-reports",
  });
  boss.on("error", (err) => log(`report scheduler: ${err.message}`));
  await boss.start();
  const working = new Set<string>();

  const sendDue = async (reportIds: string[]) => {
    for (const r of await runDueReports(db, { reportIds }))
      if (r.status !== "duplicate") log(`report ${r.reportId} ${r.period}: ${r.status}`);
  };

  const sync = async () => {
    const reports = await db.reportSchedule.findMany({
      where: { enabled: true },
      select: { id: true, cadence: true, weekday: true },
    });
    const wanted = new Set<string>();
    for (const r of reports) {
      const name = `${REPORT_QUEUE_PREFIX}${r.id}`;
      wanted.add(name);
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name });
      await boss.schedule(
        name,
        cronOf(cadenceOf(r.cadence), r.weekday),
        { reportId: r.id },
        { tz: "UTC" },
      );
      if (!working.has(name)) {
        await boss.work(name, async () => sendDue([r.id]));
        working.add(name);
      }
    }
    for (const s of await boss.getSchedules()) {
      if (!s.name.startsWith(REPORT_QUEUE_PREFIX) || wanted.has(s.name)) continue;
      await boss.unschedule(s.name);
      if (working.delete(s.name)) await boss.offWork(s.name);
      await boss.deleteQueue(s.name);
    }
    await sendDue(reports.map((r) => r.id));
  };

  await sync();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sync()
      .catch((err: unknown) =>
        log(`report scheduler sync failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => (running = false));
  }, syncMs);
  return {
    sync,
    stop: async () => {
      clearInterval(timer);
      await boss.stop({ graceful: true, wait: true });
    },
  };
}
