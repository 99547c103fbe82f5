-- AlterTable
ALTER TABLE "chargeback_computed_line" ADD COLUMN     "commitments_cents" BIGINT,
ADD COLUMN     "credits_cents" BIGINT,
ADD COLUMN     "support_cents" BIGINT,
ADD COLUMN     "tax_cents" BIGINT,
ADD COLUMN     "usage_cents" BIGINT;

-- Lines stored before the component columns existed would be served with them empty: they are a
-- cache of the computation, so drop them and let the next read compute them again.
DELETE FROM "chargeback_computed_month";
