import { detectAnomalies } from "@/lib/domain/anomalies/detect-anomalies";
import { generateLabeledSet } from "@/testing/fixtures/anomaly-series";
import { scoreDetections } from "@/testing/fixtures/anomaly-quality";
for (const noise of [0.01, 0.025, 0.05, 0.1]) {
  const set = generateLabeledSet({ seed: 15, perCase: 200, noiseLevels: [noise] });
  const t0 = performance.now();
  const det = detectAnomalies(set);
  const r = scoreDetections(set, det);
  console.log(noise, (performance.now() - t0).toFixed(0), "ms", JSON.stringify(Object.fromEntries(Object.entries(r.perKind).map(([k, q]) => [k, [q.recall.toFixed(3), q.precision.toFixed(3)]]))), "fa/1000", r.falseAlertsPer1000Days.toFixed(2));
}
