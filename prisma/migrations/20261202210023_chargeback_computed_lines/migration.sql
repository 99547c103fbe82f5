-- CreateTable
CREATE TABLE "chargeback_computed_month" (
    "month" DATE NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    "inputs_version" BIGINT NOT NULL,

    CONSTRAINT "chargeback_computed_month_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "chargeback_computed_line" (
    "month" DATE NOT NULL,
    "position" INTEGER NOT NULL,
    "cost_center" TEXT NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "account_name" TEXT NOT NULL,
    "ou_path" TEXT NOT NULL,
    "direct_cents" BIGINT NOT NULL,
    "shared_cents" BIGINT NOT NULL,
    "adjusts_month" DATE,

    CONSTRAINT "chargeback_computed_line_pkey" PRIMARY KEY ("month","position")
);

-- AddForeignKey
ALTER TABLE "chargeback_computed_line" ADD CONSTRAINT "chargeback_computed_line_month_fkey" FOREIGN KEY ("month") REFERENCES "chargeback_computed_month"("month") ON DELETE CASCADE ON UPDATE CASCADE;

-- Any change to what a month's chargeback is computed from moves the inputs version on (correctness
-- first: every open month is recomputed on its next read); stored lines count only while their
-- version is the current one. A sequence, not a row: writers never wait on one another. Writers
-- take a shared advisory lock; the store takes it exclusively and only stores when no writer is in
-- flight (lib/server/chargeback/store-computed-month.ts).
CREATE SEQUENCE "chargeback_inputs_version";
SELECT nextval('chargeback_inputs_version');

CREATE FUNCTION "orglens_chargeback_inputs_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7130016);
  PERFORM nextval('chargeback_inputs_version');
  RETURN NULL;
END
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cost_monthly', 'cost_by_tag', 'cost_charge', 'account', 'account_placement',
    'org_unit', 'ou_cost_center', 'setting', 'allocation_rule', 'closed_period', 'chargeback_line']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "orglens_chargeback_inputs_changed"()', t || '_chargeback_inputs', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "orglens_chargeback_inputs_changed"()', t || '_chargeback_inputs_truncate', t);
  END LOOP;
END
$$;

-- CSV cells as lib/export/csv.ts writes them (csvCell + csv-stringify with quoted_match /^\s|\s$/):
-- null is empty; text starting = + - @ TAB CR gets a leading ' unless it is a plain decimal; a cell
-- with " or , or CRLF (the record delimiter: a lone LF or CR inside is not quoted, as csv-stringify
-- does with record_delimiter "windows"), or with JavaScript whitespace at either end, is quoted
-- with " doubled.
CREATE FUNCTION "orglens_csv_neutralize"(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN v ~ '^[=+\-@\t\r]' AND v !~ '^-?[0-9]+(\.[0-9]+)?$' THEN '''' || v ELSE coalesce(v, '') END
$$;

CREATE FUNCTION "orglens_csv_quote"(n text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN n ~ '[",]' OR strpos(n, E'\r\n') > 0
      OR n ~ '^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]'
      OR n ~ '[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]$'
    THEN '"' || replace(n, '"', '""') || '"' ELSE n END
$$;

CREATE FUNCTION "orglens_csv_cell"(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT "orglens_csv_quote"("orglens_csv_neutralize"(v))
$$;

-- formatCents (lib/domain/allocation/largest-remainder.ts): -1234 → "-12.34".
CREATE FUNCTION "orglens_cents_text"(c bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN c < 0 THEN '-' ELSE '' END || (abs(c) / 100)::text || '.' || lpad((abs(c) % 100)::text, 2, '0')
$$;
