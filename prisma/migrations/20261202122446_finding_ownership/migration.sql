-- AlterTable
ALTER TABLE "finding" ADD COLUMN     "assigned_at" TIMESTAMPTZ(3),
ADD COLUMN     "assigned_by" TEXT,
ADD COLUMN     "due_at" TIMESTAMPTZ(3),
ADD COLUMN     "owner" TEXT,
ADD COLUMN     "ticket_url" TEXT;

-- CreateIndex
CREATE INDEX "finding_owner_idx" ON "finding"("owner");
