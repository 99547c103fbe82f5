/*
  Warnings:

  - A unique constraint covering the columns `[create_account_request_id]` on the table `account_request` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "account_request" ADD COLUMN     "create_account_request_id" TEXT,
ADD COLUMN     "vending_status" TEXT;

-- CreateTable
CREATE TABLE "account_request_step" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "step" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "detail" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "account_request_step_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "account_request_step_request_id_at_idx" ON "account_request_step"("request_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "account_request_create_account_request_id_key" ON "account_request"("create_account_request_id");

-- AddForeignKey
ALTER TABLE "account_request_step" ADD CONSTRAINT "account_request_step_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "account_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
