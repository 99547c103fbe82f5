-- AlterTable
ALTER TABLE "security_hub_status" ADD COLUMN     "standards" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "standards_read" BOOLEAN NOT NULL DEFAULT false;
