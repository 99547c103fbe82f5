-- AlterTable
ALTER TABLE "trail_bucket" ADD COLUMN     "policy" JSONB,
ADD COLUMN     "policy_reason" TEXT,
ADD COLUMN     "policy_status" TEXT NOT NULL DEFAULT 'unknown';
