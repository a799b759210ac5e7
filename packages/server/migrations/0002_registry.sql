-- Registry: households, members, quarterly income records, import jobs.
-- Every table with people's data carries county_code (first 6 digits of the village code): the region scope
-- filters on village_code prefixes, and county_code is the distribution column when the data outgrows one server
-- (Citus), so it is part of each primary key and of the foreign keys between these tables.

CREATE TABLE households (
  county_code        text COLLATE "C" NOT NULL,
  id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  household_no       text NOT NULL,
  village_code       text COLLATE "C" NOT NULL CHECK (village_code ~ '^[0-9]{12}$'),
  address            text NOT NULL DEFAULT '',
  household_type     text NOT NULL CHECK (household_type IN ('poverty_exit', 'ordinary', 'exit_no_policy')),
  assistance_status  text NOT NULL DEFAULT 'none' CHECK (assistance_status IN ('none', 'dibao', 'tekun')),
  monitoring_category text CHECK (monitoring_category IN ('unstable', 'marginal', 'sudden_hardship')),
  relocated          boolean NOT NULL DEFAULT false,
  phone              text,
  unsafe_housing     boolean NOT NULL DEFAULT false,
  unsafe_water       boolean NOT NULL DEFAULT false,
  school_dropout     boolean NOT NULL DEFAULT false,
  uninsured_member   boolean NOT NULL DEFAULT false,
  -- Materialised from the current income records (rebuildable): the latest quarter on file, its per-capita net
  -- income annualised, and how many logic checks it fails. Lists filter and sort on these without a join.
  latest_year        smallint,
  latest_quarter     smallint,
  latest_per_capita_annual bigint,
  latest_check_errors integer NOT NULL DEFAULT 0,
  latest_check_warnings integer NOT NULL DEFAULT 0,
  member_count       integer NOT NULL DEFAULT 0,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county_code, id),
  CONSTRAINT households_no_unique UNIQUE (county_code, household_no),
  CHECK (county_code = substr(village_code, 1, 6))
);
CREATE INDEX households_village ON households (village_code);
CREATE INDEX households_income ON households (latest_per_capita_annual);

-- Dibao / 特困 status with its history: one row per period.
CREATE TABLE household_assistance_history (
  county_code   text COLLATE "C" NOT NULL,
  household_id  uuid NOT NULL,
  status        text NOT NULL CHECK (status IN ('none', 'dibao', 'tekun')),
  valid_from    date NOT NULL,
  valid_to      date,
  source        text NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county_code, household_id, valid_from),
  FOREIGN KEY (county_code, household_id) REFERENCES households (county_code, id) ON DELETE CASCADE
);

CREATE TABLE members (
  county_code        text COLLATE "C" NOT NULL,
  id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  household_id       uuid NOT NULL,
  id_number          text COLLATE "C" NOT NULL CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
  name               text NOT NULL,
  sex                text NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date         date NOT NULL,
  relation           text NOT NULL,
  labour_capacity    text NOT NULL,
  health             text NOT NULL,
  disability_grade   smallint CHECK (disability_grade BETWEEN 1 AND 4),
  schooling          text,
  schooling_status   text,
  employment_status  text,
  employment_place   text,
  skills             text,
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, household_id) REFERENCES households (county_code, id)
);
-- A person belongs to one household at a time, wherever it is.
CREATE UNIQUE INDEX members_id_number ON members (id_number);
CREATE INDEX members_household ON members (county_code, household_id);
CREATE INDEX members_name ON members (name);

-- A member moving between households keeps a trail.
CREATE TABLE member_moves (
  county_code        text COLLATE "C" NOT NULL,
  member_id          uuid NOT NULL,
  from_household_id  uuid NOT NULL,
  to_household_id    uuid NOT NULL,
  moved_at           timestamptz NOT NULL DEFAULT now(),
  reason             text NOT NULL,
  moved_by           uuid
);
CREATE INDEX member_moves_member ON member_moves (member_id);

-- Quarterly income, year-to-date (Q4 = the year). Every save is a new revision; the current one has
-- superseded_at NULL. Amounts in fen. Net and per-capita are computed in core and stored with the size used.
CREATE TABLE income_records (
  county_code     text COLLATE "C" NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  household_id    uuid NOT NULL,
  village_code    text COLLATE "C" NOT NULL,
  year            smallint NOT NULL CHECK (year BETWEEN 2015 AND 2100),
  quarter         smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  wage_public_welfare        bigint NOT NULL DEFAULT 0,
  wage_other                 bigint NOT NULL DEFAULT 0,
  business_planting          bigint NOT NULL DEFAULT 0,
  business_livestock         bigint NOT NULL DEFAULT 0,
  business_forestry          bigint NOT NULL DEFAULT 0,
  business_other             bigint NOT NULL DEFAULT 0,
  property_dividend          bigint NOT NULL DEFAULT 0,
  property_land_rent         bigint NOT NULL DEFAULT 0,
  property_other             bigint NOT NULL DEFAULT 0,
  transfer_pension           bigint NOT NULL DEFAULT 0,
  transfer_family_planning   bigint NOT NULL DEFAULT 0,
  transfer_eco_compensation  bigint NOT NULL DEFAULT 0,
  transfer_dibao             bigint NOT NULL DEFAULT 0,
  transfer_tekun             bigint NOT NULL DEFAULT 0,
  transfer_other             bigint NOT NULL DEFAULT 0,
  cost_planting              bigint NOT NULL DEFAULT 0,
  cost_livestock             bigint NOT NULL DEFAULT 0,
  cost_forestry              bigint NOT NULL DEFAULT 0,
  cost_other                 bigint NOT NULL DEFAULT 0,
  medical_out_of_pocket      bigint NOT NULL DEFAULT 0,
  insurance_claims           bigint NOT NULL DEFAULT 0,
  wage_total      bigint NOT NULL,
  business_total  bigint NOT NULL,
  property_total  bigint NOT NULL,
  transfer_total  bigint NOT NULL,
  cost_total      bigint NOT NULL,
  net_income      bigint NOT NULL,
  household_size  smallint NOT NULL CHECK (household_size >= 1),
  per_capita_net  bigint NOT NULL,
  status          text NOT NULL CHECK (status IN ('valid', 'to_verify')),
  check_results   jsonb NOT NULL DEFAULT '[]'::jsonb,
  remark          text,
  source          text NOT NULL,            -- 'form' | 'import:<job id>'
  recorded_by     uuid,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  superseded_at   timestamptz,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, household_id) REFERENCES households (county_code, id)
);
CREATE UNIQUE INDEX income_records_current ON income_records (county_code, household_id, year, quarter)
  WHERE superseded_at IS NULL;
CREATE INDEX income_records_village_period ON income_records (village_code, year, quarter) WHERE superseded_at IS NULL;

-- Import jobs. The file is kept under DATA_DIR by its SHA-256, which is also what makes a repeated import a no-op.
CREATE TABLE import_jobs (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_sha256   text NOT NULL,
  file_name     text NOT NULL,
  file_size     bigint NOT NULL,
  mode          text NOT NULL CHECK (mode IN ('all-or-nothing', 'valid-rows')),
  dry_run       boolean NOT NULL,
  status        text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'rejected', 'interrupted')),
  scope         text COLLATE "C" NOT NULL,
  rows_total    integer NOT NULL DEFAULT 0,
  rows_done     integer NOT NULL DEFAULT 0,
  rows_bad      integer NOT NULL DEFAULT 0,
  summary       jsonb,
  message       text,
  created_by    uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
CREATE INDEX import_jobs_file ON import_jobs (file_sha256, status);

-- Every bad row of an import, for the downloadable report.
CREATE TABLE import_row_errors (
  job_id    uuid NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
  sheet     text NOT NULL,
  row_no    integer NOT NULL,
  col       text NOT NULL,
  value     text,
  reason    text NOT NULL
);
CREATE INDEX import_row_errors_job ON import_row_errors (job_id, sheet, row_no);

-- Import staging: rows that passed their own checks wait here, tagged with their job, until the cross-row checks
-- and the final merge. Staging is written in short transactions (so progress is visible and the database is not
-- held for the whole parse); the live tables change only in the one merge transaction.
CREATE TABLE import_stage_households (
  job_id            uuid NOT NULL,
  sheet             text NOT NULL,
  row_no            integer NOT NULL,
  ok                boolean NOT NULL DEFAULT true,
  household_no      text NOT NULL,
  village_code      text COLLATE "C" NOT NULL,
  address           text,
  household_type    text NOT NULL,
  assistance_status text,
  relocated         boolean NOT NULL,
  phone             text,
  unsafe_housing    boolean NOT NULL,
  unsafe_water      boolean NOT NULL,
  school_dropout    boolean NOT NULL,
  uninsured_member  boolean NOT NULL
);
CREATE INDEX import_stage_households_job ON import_stage_households (job_id, household_no);

CREATE TABLE import_stage_members (
  job_id            uuid NOT NULL,
  sheet             text NOT NULL,
  row_no            integer NOT NULL,
  ok                boolean NOT NULL DEFAULT true,
  household_no      text NOT NULL,
  id_number         text COLLATE "C" NOT NULL,
  name              text NOT NULL,
  sex               text NOT NULL,
  birth_date        date NOT NULL,
  relation          text NOT NULL,
  labour_capacity   text NOT NULL,
  health            text NOT NULL,
  disability_grade  smallint,
  schooling         text,
  schooling_status  text,
  employment_status text,
  employment_place  text,
  skills            text
);
CREATE INDEX import_stage_members_job ON import_stage_members (job_id, id_number);

CREATE TABLE import_stage_income (
  job_id            uuid NOT NULL,
  sheet             text NOT NULL,
  row_no            integer NOT NULL,
  ok                boolean NOT NULL DEFAULT true,
  household_no      text NOT NULL,
  year              smallint NOT NULL,
  quarter           smallint NOT NULL,
  wage_public_welfare bigint NOT NULL DEFAULT 0,
  wage_other bigint NOT NULL DEFAULT 0,
  business_planting bigint NOT NULL DEFAULT 0,
  business_livestock bigint NOT NULL DEFAULT 0,
  business_forestry bigint NOT NULL DEFAULT 0,
  business_other bigint NOT NULL DEFAULT 0,
  property_dividend bigint NOT NULL DEFAULT 0,
  property_land_rent bigint NOT NULL DEFAULT 0,
  property_other bigint NOT NULL DEFAULT 0,
  transfer_pension bigint NOT NULL DEFAULT 0,
  transfer_family_planning bigint NOT NULL DEFAULT 0,
  transfer_eco_compensation bigint NOT NULL DEFAULT 0,
  transfer_dibao bigint NOT NULL DEFAULT 0,
  transfer_tekun bigint NOT NULL DEFAULT 0,
  transfer_other bigint NOT NULL DEFAULT 0,
  cost_planting bigint NOT NULL DEFAULT 0,
  cost_livestock bigint NOT NULL DEFAULT 0,
  cost_forestry bigint NOT NULL DEFAULT 0,
  cost_other bigint NOT NULL DEFAULT 0,
  medical_out_of_pocket bigint NOT NULL DEFAULT 0,
  insurance_claims bigint NOT NULL DEFAULT 0,
  remark            text
);
CREATE INDEX import_stage_income_job ON import_stage_income (job_id, household_no);

-- Logic-check thresholds (逻辑校验阈值): an empty object means the defaults in core.
INSERT INTO settings (key, value) VALUES ('logicChecks', '{}'::jsonb);
