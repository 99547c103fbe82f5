-- AlterTable
ALTER TABLE "finding" ADD COLUMN     "exception_rule_id" UUID;

-- CreateTable
CREATE TABLE "exception_rule" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "check_id" TEXT NOT NULL,
    "account_id" VARCHAR(12),
    "ou_id" TEXT,
    "resource_pattern" TEXT,
    "reason" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "review_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "exception_rule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "exception_rule_name_key" ON "exception_rule"("name");

-- CreateIndex
CREATE INDEX "exception_rule_check_id_idx" ON "exception_rule"("check_id");

-- CreateIndex
CREATE INDEX "finding_exception_rule_id_idx" ON "finding"("exception_rule_id");

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_exception_rule_id_fkey" FOREIGN KEY ("exception_rule_id") REFERENCES "exception_rule"("id") ON DELETE SET NULL ON UPDATE CASCADE;
