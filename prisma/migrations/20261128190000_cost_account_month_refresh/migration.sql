-- cost_account_month maintenance, second version: the delta triggers of cost_account_month_rollup
-- removed emptied rows with a join the planner misjudged (one estimated row, a nested loop), so
-- deleting a whole org's months took minutes. Affected (account, month) keys are now recomputed
-- from cost_monthly: one indexed pass per statement, exact by construction, and self-healing.

DROP TRIGGER cost_monthly_rollup_insert ON cost_monthly;
DROP TRIGGER cost_monthly_rollup_delete ON cost_monthly;
DROP TRIGGER cost_monthly_rollup_update ON cost_monthly;
DROP FUNCTION cost_account_month_add_new();
DROP FUNCTION cost_account_month_subtract_old();
DROP FUNCTION cost_account_month_replace();

-- Recomputes the given keys: rows that still have spend are upserted, the others deleted (the two
-- sets are disjoint, so one statement does both).
CREATE FUNCTION cost_account_month_refresh(p_accounts varchar[], p_months date[]) RETURNS void
LANGUAGE sql SET work_mem = '64MB' AS $$
  WITH k AS MATERIALIZED (
    SELECT DISTINCT t.account_id, t.month FROM unnest(p_accounts, p_months) AS t(account_id, month)
  ),
  fresh AS MATERIALIZED (
    SELECT c.account_id, c.month, sum(c.unblended) AS unblended, sum(c.amortized) AS amortized, sum(c.net) AS net,
           count(*)::int AS row_count, (count(*) FILTER (WHERE c.estimated))::int AS estimated_count
    FROM k JOIN cost_monthly c ON c.account_id = k.account_id AND c.month = k.month
    GROUP BY c.account_id, c.month
  ),
  gone AS (
    DELETE FROM cost_account_month r USING k
    WHERE r.account_id = k.account_id AND r.month = k.month
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.account_id = k.account_id AND f.month = k.month)
  )
  INSERT INTO cost_account_month AS r (account_id, month, unblended, amortized, net, row_count, estimated_count)
  SELECT account_id, month, unblended, amortized, net, row_count, estimated_count FROM fresh
  ON CONFLICT (account_id, month) DO UPDATE SET
    unblended = EXCLUDED.unblended,
    amortized = EXCLUDED.amortized,
    net = EXCLUDED.net,
    row_count = EXCLUDED.row_count,
    estimated_count = EXCLUDED.estimated_count;
$$;

CREATE FUNCTION cost_account_month_refresh_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cost_account_month_refresh(array_agg(account_id), array_agg(month)) FROM (SELECT DISTINCT account_id, month FROM new_rows) k;
  RETURN NULL;
END $$;

CREATE FUNCTION cost_account_month_refresh_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cost_account_month_refresh(array_agg(account_id), array_agg(month)) FROM (SELECT DISTINCT account_id, month FROM old_rows) k;
  RETURN NULL;
END $$;

CREATE FUNCTION cost_account_month_refresh_both() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cost_account_month_refresh(array_agg(account_id), array_agg(month))
  FROM (SELECT account_id, month FROM old_rows UNION SELECT account_id, month FROM new_rows) k;
  RETURN NULL;
END $$;

CREATE TRIGGER cost_monthly_rollup_insert AFTER INSERT ON cost_monthly
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_account_month_refresh_new();
CREATE TRIGGER cost_monthly_rollup_delete AFTER DELETE ON cost_monthly
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_account_month_refresh_old();
CREATE TRIGGER cost_monthly_rollup_update AFTER UPDATE ON cost_monthly
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_account_month_refresh_both();
