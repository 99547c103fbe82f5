-- AlterTable
ALTER TABLE "alert_rule" ADD COLUMN     "anomaly_min_impact_usd" DECIMAL(14,2),
ADD COLUMN     "anomaly_min_percent" DOUBLE PRECISION,
ADD COLUMN     "target" TEXT NOT NULL DEFAULT 'findings';
