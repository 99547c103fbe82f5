-- CreateTable
CREATE TABLE "cost_account_month" (
    "account_id" VARCHAR(12) NOT NULL,
    "month" DATE NOT NULL,
    "unblended" DECIMAL(24,10) NOT NULL,
    "amortized" DECIMAL(24,10) NOT NULL,
    "net" DECIMAL(24,10) NOT NULL,
    "row_count" INTEGER NOT NULL,
    "estimated_count" INTEGER NOT NULL,

    CONSTRAINT "cost_account_month_pkey" PRIMARY KEY ("account_id","month")
);

-- CreateIndex
CREATE INDEX "cost_account_month_month_idx" ON "cost_account_month"("month");

-- Maintenance (hand-written; Prisma does not model functions or triggers): every statement that
-- writes cost_monthly — the collection store, FOCUS imports, a manual fix — adds or subtracts its
-- rows' sums here in the same transaction, so the rollup always equals cost_monthly exactly.
CREATE FUNCTION cost_account_month_add_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cost_account_month AS r (account_id, month, unblended, amortized, net, row_count, estimated_count)
  SELECT account_id, month, sum(unblended), sum(amortized), sum(net), count(*), count(*) FILTER (WHERE estimated)
  FROM new_rows GROUP BY account_id, month
  ON CONFLICT (account_id, month) DO UPDATE SET
    unblended = r.unblended + EXCLUDED.unblended,
    amortized = r.amortized + EXCLUDED.amortized,
    net = r.net + EXCLUDED.net,
    row_count = r.row_count + EXCLUDED.row_count,
    estimated_count = r.estimated_count + EXCLUDED.estimated_count;
  RETURN NULL;
END $$;

CREATE FUNCTION cost_account_month_subtract_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cost_account_month r SET
    unblended = r.unblended - o.unblended,
    amortized = r.amortized - o.amortized,
    net = r.net - o.net,
    row_count = r.row_count - o.row_count,
    estimated_count = r.estimated_count - o.estimated_count
  FROM (
    SELECT account_id, month, sum(unblended) AS unblended, sum(amortized) AS amortized, sum(net) AS net,
           count(*) AS row_count, count(*) FILTER (WHERE estimated) AS estimated_count
    FROM old_rows GROUP BY account_id, month
  ) o
  WHERE r.account_id = o.account_id AND r.month = o.month;
  DELETE FROM cost_account_month r USING (SELECT DISTINCT account_id, month FROM old_rows) o
  WHERE r.account_id = o.account_id AND r.month = o.month AND r.row_count <= 0;
  RETURN NULL;
END $$;

-- Updates subtract the old rows, then add the new ones.
CREATE FUNCTION cost_account_month_replace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cost_account_month r SET
    unblended = r.unblended - o.unblended,
    amortized = r.amortized - o.amortized,
    net = r.net - o.net,
    row_count = r.row_count - o.row_count,
    estimated_count = r.estimated_count - o.estimated_count
  FROM (
    SELECT account_id, month, sum(unblended) AS unblended, sum(amortized) AS amortized, sum(net) AS net,
           count(*) AS row_count, count(*) FILTER (WHERE estimated) AS estimated_count
    FROM old_rows GROUP BY account_id, month
  ) o
  WHERE r.account_id = o.account_id AND r.month = o.month;
  INSERT INTO cost_account_month AS r (account_id, month, unblended, amortized, net, row_count, estimated_count)
  SELECT account_id, month, sum(unblended), sum(amortized), sum(net), count(*), count(*) FILTER (WHERE estimated)
  FROM new_rows GROUP BY account_id, month
  ON CONFLICT (account_id, month) DO UPDATE SET
    unblended = r.unblended + EXCLUDED.unblended,
    amortized = r.amortized + EXCLUDED.amortized,
    net = r.net + EXCLUDED.net,
    row_count = r.row_count + EXCLUDED.row_count,
    estimated_count = r.estimated_count + EXCLUDED.estimated_count;
  DELETE FROM cost_account_month r USING (SELECT DISTINCT account_id, month FROM old_rows) o
  WHERE r.account_id = o.account_id AND r.month = o.month AND r.row_count <= 0;
  RETURN NULL;
END $$;

CREATE FUNCTION cost_account_month_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE cost_account_month;
  RETURN NULL;
END $$;

CREATE TRIGGER cost_monthly_rollup_insert AFTER INSERT ON cost_monthly
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_account_month_add_new();
CREATE TRIGGER cost_monthly_rollup_delete AFTER DELETE ON cost_monthly
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_account_month_subtract_old();
CREATE TRIGGER cost_monthly_rollup_update AFTER UPDATE ON cost_monthly
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_account_month_replace();
CREATE TRIGGER cost_monthly_rollup_truncate AFTER TRUNCATE ON cost_monthly
  FOR EACH STATEMENT EXECUTE FUNCTION cost_account_month_clear();

-- Existing spend.
INSERT INTO cost_account_month (account_id, month, unblended, amortized, net, row_count, estimated_count)
SELECT account_id, month, sum(unblended), sum(amortized), sum(net), count(*), count(*) FILTER (WHERE estimated)
FROM cost_monthly GROUP BY account_id, month;
