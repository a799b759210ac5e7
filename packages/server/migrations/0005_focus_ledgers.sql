-- Focus-group ledgers (重点群体台账, seeds 000/001/004): households under 10,000 yuan per capita and households whose
-- income fell, each with a named cadre and a one-household plan (一户一策), closed out (销号) when the target is met
-- and reopened when it slips. Group membership is computed from the income records on every read; what is stored
-- here is the plan, every revision of it, and every status change with its time and who (or which refresh) made it.
-- Like every table with people's data: county_code leads the primary key and the foreign keys (Citus-ready).

-- The current plan of a household (one per household), materialised from its latest revision and status event so
-- the ledger list and the set-based refresh read one row; rebuildable from the two history tables below.
CREATE TABLE focus_plans (
  county_code            text COLLATE "C" NOT NULL,
  id                     uuid NOT NULL DEFAULT gen_random_uuid(),
  household_id           uuid NOT NULL,
  status                 text NOT NULL CHECK (status IN ('open', 'closed_out', 'reopened')),
  status_changed_at      timestamptz NOT NULL,
  -- The ledgers the plan was made for (groups at creation and at each revision): a closed-out household has left
  -- its group, and must stay on that ledger as 已销号.
  ledger_groups          text[] NOT NULL DEFAULT '{}' CHECK (ledger_groups <@ ARRAY['low_income', 'income_fell']::text[]),
  cadre_name             text NOT NULL,
  cadre_phone            text,
  target_year            smallint NOT NULL CHECK (target_year BETWEEN 2020 AND 2100),
  target_per_capita_fen  bigint NOT NULL CHECK (target_per_capita_fen > 0),
  target_wage_fen        bigint CHECK (target_wage_fen >= 0),
  target_business_fen    bigint CHECK (target_business_fen >= 0),
  target_property_fen    bigint CHECK (target_property_fen >= 0),
  target_transfer_fen    bigint CHECK (target_transfer_fen >= 0),
  measures               jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Counts revisions (optimistic locking); a status refresh does not bump it, so it never makes an editor's save stale.
  version                integer NOT NULL DEFAULT 1,
  created_by             uuid,
  created_at             timestamptz NOT NULL,
  updated_by             uuid,
  updated_at             timestamptz NOT NULL,
  PRIMARY KEY (county_code, id),
  CONSTRAINT focus_plans_one_per_household UNIQUE (county_code, household_id),
  FOREIGN KEY (county_code, household_id) REFERENCES households (county_code, id)
);

-- Every save of a plan is a revision; the current one has superseded_at NULL (the monitoring_lines pattern).
-- The progress note of a revision is the dated note added with it: progress is append-only.
CREATE TABLE focus_plan_revisions (
  county_code            text COLLATE "C" NOT NULL,
  plan_id                uuid NOT NULL,
  version                integer NOT NULL,
  household_id           uuid NOT NULL,
  ledger_groups          text[] NOT NULL,
  cadre_name             text NOT NULL,
  cadre_phone            text,
  target_year            smallint NOT NULL,
  target_per_capita_fen  bigint NOT NULL,
  target_wage_fen        bigint,
  target_business_fen    bigint,
  target_property_fen    bigint,
  target_transfer_fen    bigint,
  measures               jsonb NOT NULL,
  progress_note          text,
  recorded_by            uuid,
  recorded_by_name       text,
  recorded_at            timestamptz NOT NULL,
  superseded_at          timestamptz,
  PRIMARY KEY (county_code, plan_id, version),
  FOREIGN KEY (county_code, plan_id) REFERENCES focus_plans (county_code, id)
);
CREATE UNIQUE INDEX focus_plan_revisions_current ON focus_plan_revisions (county_code, plan_id) WHERE superseded_at IS NULL;

-- Status history: creation (from_status NULL → open), close-outs and reopenings, with the income that decided them.
-- changed_by is NULL when no person asked (a refresh after an income import, say); changed_by_name says which.
CREATE TABLE focus_plan_status_events (
  county_code            text COLLATE "C" NOT NULL,
  id                     bigint GENERATED ALWAYS AS IDENTITY,
  plan_id                uuid NOT NULL,
  household_id           uuid NOT NULL,
  from_status            text CHECK (from_status IN ('open', 'closed_out', 'reopened')),
  to_status              text NOT NULL CHECK (to_status IN ('open', 'closed_out', 'reopened')),
  changed_at             timestamptz NOT NULL,
  changed_by             uuid,
  changed_by_name        text NOT NULL,
  reason                 text NOT NULL,
  period_year            smallint,
  period_quarter         smallint,
  per_capita_annual_fen  bigint,
  target_per_capita_fen  bigint NOT NULL,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, plan_id) REFERENCES focus_plans (county_code, id)
);
CREATE INDEX focus_plan_status_events_plan ON focus_plan_status_events (county_code, plan_id, id);

-- Ledger settings (threshold, household types covered): an empty object means core's defaults.
INSERT INTO settings (key, value) VALUES ('focusLedgers', '{}'::jsonb);
