-- AlterTable
ALTER TABLE "collection_run" ADD COLUMN     "cost_tag_keys" TEXT[] DEFAULT ARRAY[]::TEXT[];
