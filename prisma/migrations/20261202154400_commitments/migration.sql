-- CreateTable
CREATE TABLE "commitment_coverage" (
    "account_id" VARCHAR(12) NOT NULL,
    "month" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "covered" DECIMAL(20,10) NOT NULL,
    "total" DECIMAL(20,10) NOT NULL,
    "unit" TEXT NOT NULL,
    "on_demand_cost" DECIMAL(20,10) NOT NULL,

    CONSTRAINT "commitment_coverage_pkey" PRIMARY KEY ("account_id","month","kind")
);

-- CreateTable
CREATE TABLE "commitment_usage" (
    "commitment_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "commitment" DECIMAL(20,10) NOT NULL,
    "used" DECIMAL(20,10) NOT NULL,
    "unused" DECIMAL(20,10) NOT NULL,
    "starts_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),

    CONSTRAINT "commitment_usage_pkey" PRIMARY KEY ("commitment_id","month")
);

-- CreateTable
CREATE TABLE "commitment_org_month" (
    "month" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "commitment" DECIMAL(20,10) NOT NULL,
    "used" DECIMAL(20,10) NOT NULL,
    "unused" DECIMAL(20,10) NOT NULL,

    CONSTRAINT "commitment_org_month_pkey" PRIMARY KEY ("month","kind")
);

-- CreateTable
CREATE TABLE "commitment_fetch" (
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "commitment_fetch_pkey" PRIMARY KEY ("kind")
);

-- CreateIndex
CREATE INDEX "commitment_coverage_month_idx" ON "commitment_coverage"("month");

-- CreateIndex
CREATE INDEX "commitment_usage_month_account_id_idx" ON "commitment_usage"("month", "account_id");
