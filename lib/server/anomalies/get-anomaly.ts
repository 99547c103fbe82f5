// One anomaly with its account × service series over the detection window and the expected band.
import "server-only";
import { z } from "zod";
import type { TAnomalyDetail } from "@/lib/api/anomalies";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { addDays, dayToEpoch } from "@/lib/domain/anomalies/day-math";
import { expectedBand } from "@/lib/domain/anomalies/expected-band";
import { findVisibleAnomaly } from "./find-visible-anomaly";
import { anomalyToWire } from "./to-wire";

const WINDOW_DAYS = 90;
const ZRow = z.object({ day: z.string(), cost: z.number() });

export async function getAnomaly(db: Db, scope: Scope, id: string): Promise<TAnomalyDetail> {
  const { anomaly, account } = await findVisibleAnomaly(db, scope, id);
  const last = anomaly.lastDay.toISOString().slice(0, 10);
  const start = addDays(last, -(WINDOW_DAYS - 1));
  const rows = z.array(ZRow).parse(
    await db.$queryRaw`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(unblended)::float8 AS cost FROM cost_daily
      WHERE account_id = ${anomaly.accountId} AND service = ${anomaly.service}
        AND day BETWEEN ${new Date(`${start}T00:00:00Z`)}::date AND ${anomaly.lastDay}::date
      GROUP BY day`,
  );
  const values = new Float64Array(WINDOW_DAYS);
  const s = dayToEpoch(start);
  for (const r of rows) values[dayToEpoch(r.day) - s] = r.cost;
  return {
    anomaly: anomalyToWire(anomaly, account),
    series: expectedBand({ accountId: anomaly.accountId, service: anomaly.service, start, values }),
  };
}
