-- CreateTable
CREATE TABLE "iam_root_user" (
    "account_id" VARCHAR(12) NOT NULL,
    "arn" TEXT NOT NULL,
    "mfa_active" BOOLEAN NOT NULL,
    "password_last_used" TIMESTAMPTZ(3),
    "access_keys" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "iam_root_user_pkey" PRIMARY KEY ("account_id")
);
