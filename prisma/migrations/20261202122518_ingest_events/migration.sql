-- CreateTable
CREATE TABLE "ingest_token" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "ingest_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingested_event" (
    "id" TEXT NOT NULL,
    "token_id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "event_time" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,
    "detail_type" TEXT NOT NULL,
    "event_name" TEXT,
    "account_id" VARCHAR(12) NOT NULL,
    "body" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "outcome" TEXT,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "ingested_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ingest_token_token_hash_key" ON "ingest_token"("token_hash");

-- CreateIndex
CREATE INDEX "ingested_event_status_received_at_idx" ON "ingested_event"("status", "received_at");
