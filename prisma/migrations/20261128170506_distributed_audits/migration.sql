-- CreateTable
CREATE TABLE "run_account_audit" (
    "run_id" UUID NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "result" JSONB NOT NULL,
    "worker" TEXT NOT NULL,
    "completed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "run_account_audit_pkey" PRIMARY KEY ("run_id","account_id")
);

-- AddForeignKey
ALTER TABLE "run_account_audit" ADD CONSTRAINT "run_account_audit_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "collection_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
