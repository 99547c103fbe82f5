-- AlterTable
ALTER TABLE "iam_role" ADD COLUMN     "managed_policies" JSONB NOT NULL DEFAULT '[]';
