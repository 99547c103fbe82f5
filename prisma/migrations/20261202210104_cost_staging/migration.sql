-- UNLOGGED: a run's staged Cost Explorer rows are scratch data (moved into the cost tables by the
-- run's store transaction, deleted when a run fails); a crash may truncate them, which loses nothing.
-- CreateTable
CREATE UNLOGGED TABLE "cost_staging" (
    "id" BIGSERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "period" DATE NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',
    "value" TEXT NOT NULL,
    "estimated" BOOLEAN NOT NULL DEFAULT false,
    "unblended" DECIMAL NOT NULL,
    "amortized" DECIMAL NOT NULL,
    "net" DECIMAL NOT NULL,

    CONSTRAINT "cost_staging_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cost_staging_run_id_kind_idx" ON "cost_staging"("run_id", "kind");
