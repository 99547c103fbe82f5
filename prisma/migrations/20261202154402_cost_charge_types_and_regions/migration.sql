-- CreateTable
CREATE TABLE "cost_by_dimension" (
    "account_id" VARCHAR(12) NOT NULL,
    "month" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "unblended" DECIMAL(20,10) NOT NULL,
    "amortized" DECIMAL(20,10) NOT NULL,
    "net" DECIMAL(20,10) NOT NULL,
    "estimated" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "cost_by_dimension_pkey" PRIMARY KEY ("account_id","month","dimension","value")
);

-- CreateTable
CREATE TABLE "cost_charge" (
    "account_id" VARCHAR(12) NOT NULL,
    "month" DATE NOT NULL,
    "service" TEXT NOT NULL,
    "record_type" TEXT NOT NULL,
    "unblended" DECIMAL(20,10) NOT NULL,
    "amortized" DECIMAL(20,10) NOT NULL,
    "net" DECIMAL(20,10) NOT NULL,
    "estimated" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "cost_charge_pkey" PRIMARY KEY ("account_id","month","service","record_type")
);

-- CreateIndex
CREATE INDEX "cost_by_dimension_dimension_month_idx" ON "cost_by_dimension"("dimension", "month");

-- CreateIndex
CREATE INDEX "cost_charge_month_idx" ON "cost_charge"("month");
