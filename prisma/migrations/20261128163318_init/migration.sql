-- CreateTable
CREATE TABLE "organization" (
    "id" TEXT NOT NULL,
    "arn" TEXT,
    "management_account_id" TEXT NOT NULL,
    "feature_set" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "org_unit" (
    "id" TEXT NOT NULL,
    "parent_id" TEXT,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "path_ids" TEXT[],
    "depth" INTEGER NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "org_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" VARCHAR(12) NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "joined_method" TEXT NOT NULL,
    "joined_at" TIMESTAMPTZ(3) NOT NULL,
    "ou_id" TEXT NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "environment" TEXT,
    "cost_center" TEXT,
    "is_management" BOOLEAN NOT NULL DEFAULT false,
    "audit_status" TEXT NOT NULL DEFAULT 'never',
    "audit_error" TEXT,
    "audited_at" TIMESTAMPTZ(3),
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_placement" (
    "id" BIGSERIAL NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "ou_id" TEXT NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_to" TIMESTAMPTZ(3),

    CONSTRAINT "account_placement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "aws_managed" BOOLEAN NOT NULL DEFAULT false,
    "content" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_target" (
    "policy_id" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,

    CONSTRAINT "policy_target_pkey" PRIMARY KEY ("policy_id","target_id")
);

-- CreateTable
CREATE TABLE "delegated_admin" (
    "account_id" VARCHAR(12) NOT NULL,
    "service_principal" TEXT NOT NULL,
    "delegated_at" TIMESTAMPTZ(3),

    CONSTRAINT "delegated_admin_pkey" PRIMARY KEY ("account_id","service_principal")
);

-- CreateTable
CREATE TABLE "account_creation" (
    "id" TEXT NOT NULL,
    "account_name" TEXT NOT NULL,
    "account_id" VARCHAR(12),
    "state" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),
    "failure_reason" TEXT,

    CONSTRAINT "account_creation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "known_account" (
    "account_id" VARCHAR(12) NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT 'import',
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "known_account_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "cost_monthly" (
    "account_id" VARCHAR(12) NOT NULL,
    "month" DATE NOT NULL,
    "service" TEXT NOT NULL,
    "unblended" DECIMAL(20,10) NOT NULL,
    "amortized" DECIMAL(20,10) NOT NULL,
    "net" DECIMAL(20,10) NOT NULL,
    "estimated" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL DEFAULT 'aws',

    CONSTRAINT "cost_monthly_pkey" PRIMARY KEY ("account_id","month","service","source")
);

-- CreateTable
CREATE TABLE "cost_daily" (
    "account_id" VARCHAR(12) NOT NULL,
    "day" DATE NOT NULL,
    "service" TEXT NOT NULL,
    "unblended" DECIMAL(20,10) NOT NULL,
    "amortized" DECIMAL(20,10) NOT NULL,
    "net" DECIMAL(20,10) NOT NULL,

    CONSTRAINT "cost_daily_pkey" PRIMARY KEY ("account_id","day","service")
);

-- CreateTable
CREATE TABLE "cost_by_tag" (
    "account_id" VARCHAR(12) NOT NULL,
    "month" DATE NOT NULL,
    "tag_key" TEXT NOT NULL,
    "tag_value" TEXT NOT NULL,
    "unblended" DECIMAL(20,10) NOT NULL,
    "amortized" DECIMAL(20,10) NOT NULL,
    "net" DECIMAL(20,10) NOT NULL,
    "estimated" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "cost_by_tag_pkey" PRIMARY KEY ("account_id","month","tag_key","tag_value")
);

-- CreateTable
CREATE TABLE "focus_charge" (
    "id" BIGSERIAL NOT NULL,
    "import_id" TEXT NOT NULL,
    "provider_name" TEXT NOT NULL,
    "billing_account_id" TEXT NOT NULL,
    "sub_account_id" TEXT,
    "sub_account_name" TEXT,
    "charge_period_start" TIMESTAMPTZ(3) NOT NULL,
    "billing_period_start" TIMESTAMPTZ(3) NOT NULL,
    "service_name" TEXT,
    "billed_cost" DECIMAL(24,12) NOT NULL,
    "effective_cost" DECIMAL(24,12) NOT NULL,
    "list_cost" DECIMAL(24,12) NOT NULL,
    "contracted_cost" DECIMAL(24,12) NOT NULL,
    "row" JSONB NOT NULL,

    CONSTRAINT "focus_charge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "iam_user" (
    "account_id" VARCHAR(12) NOT NULL,
    "user_name" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "password_enabled" BOOLEAN NOT NULL,
    "password_last_used" TIMESTAMPTZ(3),
    "mfa_active" BOOLEAN NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "iam_user_pkey" PRIMARY KEY ("account_id","user_name")
);

-- CreateTable
CREATE TABLE "access_key" (
    "account_id" VARCHAR(12) NOT NULL,
    "user_name" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "key_id" TEXT,
    "active" BOOLEAN NOT NULL,
    "last_rotated" TIMESTAMPTZ(3),
    "last_used" TIMESTAMPTZ(3),

    CONSTRAINT "access_key_pkey" PRIMARY KEY ("account_id","user_name","slot")
);

-- CreateTable
CREATE TABLE "iam_role" (
    "account_id" VARCHAR(12) NOT NULL,
    "role_name" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "trust_policy" JSONB NOT NULL,
    "attached_policy_arns" TEXT[],
    "inline_policies" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "iam_role_pkey" PRIMARY KEY ("account_id","role_name")
);

-- CreateTable
CREATE TABLE "trail" (
    "arn" TEXT NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "name" TEXT NOT NULL,
    "home_region" TEXT NOT NULL,
    "is_organization_trail" BOOLEAN NOT NULL,
    "is_multi_region" BOOLEAN NOT NULL,
    "is_logging" BOOLEAN NOT NULL,
    "includes_management_events" BOOLEAN NOT NULL,
    "s3_bucket_name" TEXT,

    CONSTRAINT "trail_pkey" PRIMARY KEY ("arn")
);

-- CreateTable
CREATE TABLE "trail_bucket" (
    "name" TEXT NOT NULL,
    "owner_account_id" VARCHAR(12),
    "object_lock_enabled" BOOLEAN NOT NULL,
    "versioning" TEXT NOT NULL,
    "public_access_block" JSONB NOT NULL,

    CONSTRAINT "trail_bucket_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "security_hub_status" (
    "account_id" VARCHAR(12) NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "critical" INTEGER NOT NULL DEFAULT 0,
    "high" INTEGER NOT NULL DEFAULT 0,
    "medium" INTEGER NOT NULL DEFAULT 0,
    "low" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "security_hub_status_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "identity_center_instance" (
    "instance_arn" TEXT NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "identity_store_id" TEXT NOT NULL,

    CONSTRAINT "identity_center_instance_pkey" PRIMARY KEY ("instance_arn")
);

-- CreateTable
CREATE TABLE "aws_budget" (
    "account_id" VARCHAR(12) NOT NULL,
    "name" TEXT NOT NULL,
    "limit" DECIMAL(20,4) NOT NULL,
    "time_unit" TEXT NOT NULL,
    "actual" DECIMAL(20,4),
    "forecast" DECIMAL(20,4),

    CONSTRAINT "aws_budget_pkey" PRIMARY KEY ("account_id","name")
);

-- CreateTable
CREATE TABLE "login_stat" (
    "account_id" VARCHAR(12) NOT NULL,
    "window_days" INTEGER NOT NULL,
    "by_identity_type" JSONB NOT NULL,
    "long_term_keys_in_use" INTEGER,
    "temporary_keys_in_use" INTEGER,

    CONSTRAINT "login_stat_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "collection_run" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'starting',
    "progress_done" INTEGER NOT NULL DEFAULT 0,
    "progress_total" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "accounts_seen" INTEGER NOT NULL DEFAULT 0,
    "accounts_audited" INTEGER NOT NULL DEFAULT 0,
    "accounts_failed" INTEGER NOT NULL DEFAULT 0,
    "api_requests" JSONB NOT NULL DEFAULT '{}',
    "ce_requests" INTEGER NOT NULL DEFAULT 0,
    "ce_cost_usd" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "error" TEXT,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "triggered_by" TEXT,

    CONSTRAINT "collection_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "run_account_error" (
    "id" BIGSERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "phase" TEXT NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "run_account_error_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finding" (
    "id" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "check_id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "account_id" VARCHAR(12),
    "ou_id" TEXT,
    "resource" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL,
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "first_seen_run_id" UUID NOT NULL,
    "last_seen_run_id" UUID NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "reopened_count" INTEGER NOT NULL DEFAULT 0,
    "muted_until" TIMESTAMPTZ(3),
    "mute_reason" TEXT,
    "muted_by" TEXT,

    CONSTRAINT "finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finding_event" (
    "id" BIGSERIAL NOT NULL,
    "finding_id" UUID NOT NULL,
    "run_id" UUID,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "finding_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi_snapshot" (
    "run_id" UUID NOT NULL,
    "scope_id" TEXT NOT NULL,
    "kpi_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "value" DECIMAL(24,6),
    "numerator" DECIMAL(24,6),
    "denominator" DECIMAL(24,6),
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "kpi_snapshot_pkey" PRIMARY KEY ("run_id","scope_id","kpi_id")
);

-- CreateTable
CREATE TABLE "setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" TEXT,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ou_cost_center" (
    "ou_id" TEXT NOT NULL,
    "cost_center" TEXT NOT NULL,

    CONSTRAINT "ou_cost_center_pkey" PRIMARY KEY ("ou_id")
);

-- CreateTable
CREATE TABLE "allocation_rule" (
    "id" UUID NOT NULL,
    "rule_key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "source_accounts" TEXT[],
    "source_services" TEXT[],
    "method" TEXT NOT NULL,
    "targets" JSONB NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT NOT NULL,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "allocation_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "closed_period" (
    "month" DATE NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_by" TEXT NOT NULL,
    "reopened_at" TIMESTAMPTZ(3),
    "reopened_by" TEXT,

    CONSTRAINT "closed_period_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "chargeback_line" (
    "id" BIGSERIAL NOT NULL,
    "month" DATE NOT NULL,
    "cost_center" TEXT NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "account_name" TEXT NOT NULL,
    "ou_path" TEXT NOT NULL,
    "direct_cents" BIGINT NOT NULL,
    "shared_cents" BIGINT NOT NULL,
    "total_cents" BIGINT NOT NULL,
    "adjusts_month" DATE,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "chargeback_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "scope_type" TEXT NOT NULL,
    "scope_id" TEXT NOT NULL,
    "monthly_amount" DECIMAL(20,2) NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'orglens',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_channel" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_rule" (
    "id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "check_ids" TEXT[],
    "categories" TEXT[],
    "severities" TEXT[],
    "ou_ids" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "alert_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_delivery" (
    "id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "rule_id" UUID,
    "run_id" UUID,
    "dedupe_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_request" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "target_ou_id" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "cost_center" TEXT NOT NULL,
    "monthly_budget" DECIMAL(20,2),
    "requested_by" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decided_by" TEXT,
    "decision_note" TEXT,
    "account_id" VARCHAR(12),
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "provisioned_at" TIMESTAMPTZ(3),
    "compliant_at" TIMESTAMPTZ(3),

    CONSTRAINT "account_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_binding" (
    "id" UUID NOT NULL,
    "group" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "ou_ids" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_binding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "owner_email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "ou_ids" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "org_unit_parent_id_idx" ON "org_unit"("parent_id");

-- CreateIndex
CREATE INDEX "org_unit_path_ids_idx" ON "org_unit" USING GIN ("path_ids");

-- CreateIndex
CREATE INDEX "account_ou_id_idx" ON "account"("ou_id");

-- CreateIndex
CREATE INDEX "account_cost_center_idx" ON "account"("cost_center");

-- CreateIndex
CREATE INDEX "account_placement_account_id_valid_from_idx" ON "account_placement"("account_id", "valid_from");

-- CreateIndex
CREATE INDEX "account_placement_ou_id_idx" ON "account_placement"("ou_id");

-- CreateIndex
CREATE INDEX "policy_target_target_id_idx" ON "policy_target"("target_id");

-- CreateIndex
CREATE INDEX "account_creation_account_id_idx" ON "account_creation"("account_id");

-- CreateIndex
CREATE INDEX "cost_monthly_month_account_id_idx" ON "cost_monthly"("month", "account_id");

-- CreateIndex
CREATE INDEX "cost_daily_day_idx" ON "cost_daily"("day");

-- CreateIndex
CREATE INDEX "cost_by_tag_tag_key_month_idx" ON "cost_by_tag"("tag_key", "month");

-- CreateIndex
CREATE INDEX "focus_charge_import_id_idx" ON "focus_charge"("import_id");

-- CreateIndex
CREATE INDEX "focus_charge_billing_period_start_idx" ON "focus_charge"("billing_period_start");

-- CreateIndex
CREATE INDEX "trail_account_id_idx" ON "trail"("account_id");

-- CreateIndex
CREATE INDEX "collection_run_started_at_idx" ON "collection_run"("started_at");

-- CreateIndex
CREATE INDEX "run_account_error_run_id_idx" ON "run_account_error"("run_id");

-- CreateIndex
CREATE UNIQUE INDEX "finding_fingerprint_key" ON "finding"("fingerprint");

-- CreateIndex
CREATE INDEX "finding_status_check_id_idx" ON "finding"("status", "check_id");

-- CreateIndex
CREATE INDEX "finding_account_id_idx" ON "finding"("account_id");

-- CreateIndex
CREATE INDEX "finding_ou_id_idx" ON "finding"("ou_id");

-- CreateIndex
CREATE INDEX "finding_event_finding_id_idx" ON "finding_event"("finding_id");

-- CreateIndex
CREATE INDEX "finding_event_run_id_idx" ON "finding_event"("run_id");

-- CreateIndex
CREATE INDEX "kpi_snapshot_scope_id_kpi_id_at_idx" ON "kpi_snapshot"("scope_id", "kpi_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "allocation_rule_rule_key_version_key" ON "allocation_rule"("rule_key", "version");

-- CreateIndex
CREATE INDEX "chargeback_line_month_idx" ON "chargeback_line"("month");

-- CreateIndex
CREATE UNIQUE INDEX "alert_delivery_channel_id_dedupe_key_key" ON "alert_delivery"("channel_id", "dedupe_key");

-- CreateIndex
CREATE INDEX "account_request_requested_by_idx" ON "account_request"("requested_by");

-- CreateIndex
CREATE UNIQUE INDEX "role_binding_group_key" ON "role_binding"("group");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_owner_email_idx" ON "api_token"("owner_email");

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");

-- CreateIndex
CREATE INDEX "audit_event_action_idx" ON "audit_event"("action");

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_ou_id_fkey" FOREIGN KEY ("ou_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_placement" ADD CONSTRAINT "account_placement_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_placement" ADD CONSTRAINT "account_placement_ou_id_fkey" FOREIGN KEY ("ou_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_target" ADD CONSTRAINT "policy_target_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_key" ADD CONSTRAINT "access_key_account_id_user_name_fkey" FOREIGN KEY ("account_id", "user_name") REFERENCES "iam_user"("account_id", "user_name") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_account_error" ADD CONSTRAINT "run_account_error_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "collection_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_event" ADD CONSTRAINT "finding_event_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rule" ADD CONSTRAINT "alert_rule_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "alert_channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_delivery" ADD CONSTRAINT "alert_delivery_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "alert_channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
