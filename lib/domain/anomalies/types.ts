// Cost anomaly detection: the plain data the detector reads and returns (docs/anomalies.md).

export const ANOMALY_KINDS = ["spike", "level_shift", "new_service", "drift"] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export const ANOMALY_STATUSES = ["open", "expected", "resolved"] as const;
export type AnomalyStatus = (typeof ANOMALY_STATUSES)[number];

/** Daily spend of one account × service, one value per day from `start` (UTC, YYYY-MM-DD), gaps as 0. */
export interface DailySeries {
  accountId: string;
  service: string;
  start: string;
  values: ArrayLike<number>;
}

export interface DetectedAnomaly {
  accountId: string;
  service: string;
  kind: AnomalyKind;
  /** First and last day of the anomaly (YYYY-MM-DD), inclusive. */
  firstDay: string;
  lastDay: string;
  /** Spend the detector expected over those days, and what was spent (USD). */
  expected: number;
  actual: number;
  /** actual − expected over the anomaly's days (USD). */
  impact: number;
  /** Upper edge of the expected range on the first day (USD/day); what "out of range" was measured against. */
  upperBound: number;
  /** How many robust standard deviations the first day (spike) or the step (shift, drift) stands out. */
  score: number;
}

/** A pattern someone marked as expected: same account × service, spikes near the same day of month. */
export interface ExpectedPattern {
  accountId: string;
  service: string;
  kind: AnomalyKind;
  dayOfMonth: number;
}

export interface DetectorOptions {
  /** Spikes: robust z-score a day must exceed. */
  spikeZ: number;
  /** Level shifts: score of the step (post vs pre medians over their standard error). */
  shiftZ: number;
  /** Every kind: the rise must be at least this share of the expected daily spend. */
  minRelative: number;
  /** Every kind: impact below this many USD is not worth an alert. */
  minImpactUsd: number;
  /** Series whose typical day is below this (USD) are only watched for new services. */
  minDailyUsd: number;
  /** Days of zero spend before a service counts as new. */
  newServiceQuietDays: number;
}

export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = {
  spikeZ: 5,
  shiftZ: 6,
  minRelative: 0.1,
  minImpactUsd: 1,
  minDailyUsd: 0.5,
  newServiceQuietDays: 14,
};

/** Per day of a series: what the detector expected and its range, for the chart. */
export interface ExpectedBandPoint {
  day: string;
  actual: number;
  expected: number | null;
  lower: number | null;
  upper: number | null;
}
