-- CreateTable
CREATE TABLE "report_schedule" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "cadence" TEXT NOT NULL,
    "weekday" INTEGER,
    "channel_id" UUID NOT NULL,
    "recipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ou_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "last_sent_period" TEXT,
    "last_sent_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_schedule_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "report_schedule" ADD CONSTRAINT "report_schedule_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "alert_channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
