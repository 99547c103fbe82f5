-- CreateTable
CREATE TABLE "cost_refetch" (
    "run_id" UUID NOT NULL,
    "refetched_at" TIMESTAMPTZ(3) NOT NULL,
    "full" BOOLEAN NOT NULL,

    CONSTRAINT "cost_refetch_pkey" PRIMARY KEY ("run_id")
);

-- CreateTable
CREATE TABLE "cost_refetch_month" (
    "run_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "previous_total" DECIMAL(24,10) NOT NULL,
    "current_total" DECIMAL(24,10) NOT NULL,
    "period_closed" BOOLEAN NOT NULL,

    CONSTRAINT "cost_refetch_month_pkey" PRIMARY KEY ("run_id","month")
);

-- CreateIndex
CREATE INDEX "cost_refetch_refetched_at_idx" ON "cost_refetch"("refetched_at");

-- AddForeignKey
ALTER TABLE "cost_refetch_month" ADD CONSTRAINT "cost_refetch_month_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "cost_refetch"("run_id") ON DELETE CASCADE ON UPDATE CASCADE;
