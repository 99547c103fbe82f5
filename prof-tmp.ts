import { detectAnomalies } from "@/lib/domain/anomalies/detect-anomalies";
import { generateSeries, seededRandom } from "@/testing/fixtures/anomaly-series";
const rand = seededRandom(1);
const series = Array.from({ length: 20000 }, (_, i) => generateSeries(rand, "clean", { days: 90, start: "2026-07-01", noise: 0.03 }, { accountId: String(i), service: "s" }));
for (let k = 0; k < 3; k++) { const t0 = performance.now(); detectAnomalies(series); console.log(((performance.now() - t0)).toFixed(0), "ms / 20k"); }
