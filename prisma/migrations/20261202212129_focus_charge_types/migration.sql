-- AlterTable
ALTER TABLE "focus_charge" ADD COLUMN     "charge_category" TEXT,
ADD COLUMN     "charge_class" TEXT,
ADD COLUMN     "commitment_discount_category" TEXT;

-- CreateIndex
CREATE INDEX "focus_charge_billing_period_start_charge_category_idx" ON "focus_charge"("billing_period_start", "charge_category");
