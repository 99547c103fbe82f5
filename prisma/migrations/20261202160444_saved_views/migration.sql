-- CreateTable
CREATE TABLE "saved_view" (
    "id" UUID NOT NULL,
    "page" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_view_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_view_pin" (
    "view_id" UUID NOT NULL,
    "user_email" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_view_pin_pkey" PRIMARY KEY ("view_id","user_email")
);

-- CreateIndex
CREATE INDEX "saved_view_shared_idx" ON "saved_view"("shared");

-- CreateIndex
CREATE UNIQUE INDEX "saved_view_owner_page_name_key" ON "saved_view"("owner", "page", "name");

-- CreateIndex
CREATE INDEX "saved_view_pin_user_email_idx" ON "saved_view_pin"("user_email");

-- AddForeignKey
ALTER TABLE "saved_view_pin" ADD CONSTRAINT "saved_view_pin_view_id_fkey" FOREIGN KEY ("view_id") REFERENCES "saved_view"("id") ON DELETE CASCADE ON UPDATE CASCADE;
