-- Rollups behind the dashboards (quality goal 3: a region's figures are a read of pre-aggregated rows, so a city
-- costs about what a county costs). Rows are kept for villages, townships and counties; a city or province is the
-- sum of its county rows at read time. Every stored figure is additive (counts, Σ fen, Σ people), so a parent is the
-- sum of its children; per-capita figures, shares and rates are computed at read time (core dashboard-figures.ts).
-- Everything here is rebuildable from the detail rows (refreshStaleRollups, and the rollups test recomputes it).
--
-- A household counts in its CURRENT village (households.village_code), also for its income records, warnings and
-- cases, whose own village_code is the one at the time they were written: a household that moved is then counted
-- once, where the drill-down list finds it.

-- Villages whose rollup rows are out of date. Written by the triggers below in the writer's own transaction, so
-- every write path (forms, imports, evaluations, case steps, paths written later) marks what it changed.
-- `income` says the village's income rows need redoing too (households or income records changed); warnings, cases
-- and plans leave them alone, so the refresh after an evaluation does not re-read every income record.
CREATE TABLE rollup_stale_villages (
  village_code  text COLLATE "C" PRIMARY KEY,
  county_code   text COLLATE "C" NOT NULL,
  income        boolean NOT NULL
);
CREATE INDEX rollup_stale_villages_county ON rollup_stale_villages (county_code);

-- Current-state counts per region and metric. Metric keys follow the dashboard's drill-down metrics ('all',
-- 'monitored', 'type:poverty_exit', 'category:unstable', 'risk:illness', 'case:monitored', 'cases_active',
-- 'warnings_open', 'focus:low_income', 'plans_open:low_income', 'plans_open' …) plus 'warnings_closed:<year>'.
-- households = distinct households behind the figure (what the drill-down lists), people = Σ their members,
-- items = the things counted when they are not households (warnings, cases).
CREATE TABLE rollup_counts (
  level         text NOT NULL CHECK (level IN ('county', 'township', 'village')),
  region_code   text COLLATE "C" NOT NULL,
  metric        text NOT NULL,
  households    bigint NOT NULL,
  people        bigint NOT NULL,
  items         bigint NOT NULL,
  refreshed_at  timestamptz NOT NULL,
  PRIMARY KEY (level, region_code, metric)
);

-- Income per region and period from the valid current records (status 'valid', superseded_at NULL; 待核实 records
-- are left out, as in the focus ledgers and the evaluation). Year-to-date sums in fen; business is net of costs.
CREATE TABLE rollup_income (
  level                     text NOT NULL CHECK (level IN ('county', 'township', 'village')),
  region_code               text COLLATE "C" NOT NULL,
  year                      smallint NOT NULL,
  quarter                   smallint NOT NULL,
  reported_households       bigint NOT NULL,
  reported_people           bigint NOT NULL,
  net_fen                   bigint NOT NULL,
  wage_fen                  bigint NOT NULL,
  business_fen              bigint NOT NULL,
  property_fen              bigint NOT NULL,
  transfer_fen              bigint NOT NULL,
  -- Households with a valid current record for the same quarter a year earlier, and of those, whose annualised
  -- per-capita net (resp. business net) income is strictly lower (core focus-groups' "fell").
  comparable_households     bigint NOT NULL,
  income_fell_households    bigint NOT NULL,
  business_fell_households  bigint NOT NULL,
  -- Annualised per-capita net below the focus ledgers' threshold (setting focusLedgers).
  low_income_households     bigint NOT NULL,
  refreshed_at              timestamptz NOT NULL,
  PRIMARY KEY (level, region_code, year, quarter)
);

-- Deadlines by day: active cases by due_date and open warnings by due day (China date), so "overdue" and "due soon"
-- relative to today are a sum over a few rows, without reading a case.
CREATE TABLE rollup_due (
  level         text NOT NULL CHECK (level IN ('county', 'township', 'village')),
  region_code   text COLLATE "C" NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('case', 'warning')),
  due_date      date NOT NULL,
  n             bigint NOT NULL,
  refreshed_at  timestamptz NOT NULL,
  PRIMARY KEY (level, region_code, kind, due_date)
);

-- Staleness marks. Statement-level triggers with transition tables: one INSERT … SELECT DISTINCT per statement,
-- however many rows it touched (a 250,000-row import marks its villages once). PostgreSQL allows a transition
-- table only on single-event triggers, hence one trigger per event.
-- A household's own row matters to the rollups through its village, type, category and size only: the evaluation
-- rewriting every risk score, or an income save refreshing the latest-income columns, marks nothing here.
CREATE FUNCTION rollup_mark_households() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rollup_stale_villages (village_code, county_code, income)
      SELECT DISTINCT n.village_code, n.county_code, true FROM new_rows n
      ON CONFLICT (village_code) DO UPDATE SET income = true WHERE NOT rollup_stale_villages.income;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO rollup_stale_villages (village_code, county_code, income)
      SELECT DISTINCT o.village_code, o.county_code, true FROM old_rows o
      ON CONFLICT (village_code) DO UPDATE SET income = true WHERE NOT rollup_stale_villages.income;
  ELSE
    INSERT INTO rollup_stale_villages (village_code, county_code, income)
      SELECT DISTINCT c.village_code, c.county_code, true FROM (
        (SELECT county_code, id, village_code, household_type, monitoring_category, member_count FROM new_rows
         EXCEPT SELECT county_code, id, village_code, household_type, monitoring_category, member_count FROM old_rows)
        UNION ALL
        (SELECT county_code, id, village_code, household_type, monitoring_category, member_count FROM old_rows
         EXCEPT SELECT county_code, id, village_code, household_type, monitoring_category, member_count FROM new_rows)) c
      ON CONFLICT (village_code) DO UPDATE SET income = true WHERE NOT rollup_stale_villages.income;
  END IF;
  RETURN NULL;
END $$;

-- Rows that belong to a household (income records, warnings, cases, focus plans) mark the household's current
-- village; the trigger's argument says whether the village's income rows are affected ('income') or not.
CREATE FUNCTION rollup_mark_household_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  marks_income boolean := TG_ARGV[0] = 'income';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO rollup_stale_villages (village_code, county_code, income)
      SELECT DISTINCT h.village_code, h.county_code, marks_income
      FROM (SELECT DISTINCT n.county_code, n.household_id FROM new_rows n) k
      JOIN households h ON h.county_code = k.county_code AND h.id = k.household_id
      ON CONFLICT (village_code) DO UPDATE SET income = true WHERE excluded.income AND NOT rollup_stale_villages.income;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO rollup_stale_villages (village_code, county_code, income)
      SELECT DISTINCT h.village_code, h.county_code, marks_income
      FROM (SELECT DISTINCT o.county_code, o.household_id FROM old_rows o) k
      JOIN households h ON h.county_code = k.county_code AND h.id = k.household_id
      ON CONFLICT (village_code) DO UPDATE SET income = true WHERE excluded.income AND NOT rollup_stale_villages.income;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER households_rollup_ins AFTER INSERT ON households
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_households();
CREATE TRIGGER households_rollup_upd AFTER UPDATE ON households
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_households();
CREATE TRIGGER households_rollup_del AFTER DELETE ON households
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_households();

CREATE TRIGGER income_records_rollup_ins AFTER INSERT ON income_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_household_rows('income');
CREATE TRIGGER income_records_rollup_upd AFTER UPDATE ON income_records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_household_rows('income');
CREATE TRIGGER income_records_rollup_del AFTER DELETE ON income_records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_household_rows('income');

CREATE TRIGGER warnings_rollup_ins AFTER INSERT ON warnings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_household_rows('other');
CREATE TRIGGER warnings_rollup_upd AFTER UPDATE ON warnings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_household_rows('other');
CREATE TRIGGER warnings_rollup_del AFTER DELETE ON warnings
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_household_rows('other');

CREATE TRIGGER cases_rollup_ins AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_household_rows('other');
CREATE TRIGGER cases_rollup_upd AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_household_rows('other');
CREATE TRIGGER cases_rollup_del AFTER DELETE ON cases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_household_rows('other');

CREATE TRIGGER focus_plans_rollup_ins AFTER INSERT ON focus_plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_household_rows('other');
CREATE TRIGGER focus_plans_rollup_upd AFTER UPDATE ON focus_plans
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_household_rows('other');
CREATE TRIGGER focus_plans_rollup_del AFTER DELETE ON focus_plans
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_household_rows('other');

-- The focus ledgers' threshold and household types shape the low-income and focus figures of every village.
CREATE FUNCTION rollup_mark_all_villages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_stale_villages (village_code, county_code, income)
    SELECT DISTINCT h.village_code, h.county_code, true FROM households h
    ON CONFLICT (village_code) DO UPDATE SET income = true WHERE NOT rollup_stale_villages.income;
  RETURN NULL;
END $$;
CREATE TRIGGER settings_rollup_focus AFTER UPDATE ON settings
  FOR EACH ROW WHEN (OLD.key = 'focusLedgers' AND OLD.value IS DISTINCT FROM NEW.value)
  EXECUTE FUNCTION rollup_mark_all_villages();

-- Households already on file are rolled up by the first refresh.
INSERT INTO rollup_stale_villages (village_code, county_code, income)
  SELECT DISTINCT village_code, county_code, true FROM households ON CONFLICT DO NOTHING;
