-- AlterTable
ALTER TABLE "api_token" ADD COLUMN     "owner_groups" TEXT[] DEFAULT ARRAY[]::TEXT[];
