-- CreateTable
CREATE TABLE "cost_anomaly" (
    "id" UUID NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "service" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "first_day" DATE NOT NULL,
    "last_day" DATE NOT NULL,
    "expected" DECIMAL(18,2) NOT NULL,
    "actual" DECIMAL(18,2) NOT NULL,
    "impact" DECIMAL(18,2) NOT NULL,
    "upper_bound" DECIMAL(18,2) NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "reason" TEXT,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cost_anomaly_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cost_anomaly_account_id_service_kind_idx" ON "cost_anomaly"("account_id", "service", "kind");

-- CreateIndex
CREATE INDEX "cost_anomaly_status_first_day_idx" ON "cost_anomaly"("status", "first_day");
