-- CreateTable
CREATE TABLE "iam_identity_provider" (
    "arn" TEXT NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "iam_identity_provider_pkey" PRIMARY KEY ("arn")
);

-- CreateIndex
CREATE INDEX "iam_identity_provider_account_id_idx" ON "iam_identity_provider"("account_id");
