-- AlterTable
ALTER TABLE "chargeback_computed_line" ADD COLUMN     "commitments_cents" BIGINT,
ADD COLUMN     "credits_cents" BIGINT,
ADD COLUMN     "support_cents" BIGINT,
ADD COLUMN     "tax_cents" BIGINT,
ADD COLUMN     "usage_cents" BIGINT;
