-- AlterTable
ALTER TABLE "aws_budget" ADD COLUMN     "linked_account_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];
