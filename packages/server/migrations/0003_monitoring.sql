-- Monitoring lines (监测收入线) per region per year, with history, and early warnings (预警).

-- Every change is a new row; the current line of a region and year has superseded_at NULL. Lines are inherited down
-- the region tree (core's effectiveLine); method and inputs record how the number was arrived at.
CREATE TABLE monitoring_lines (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code    text COLLATE "C" NOT NULL CHECK (region_code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'),
  year           smallint NOT NULL CHECK (year BETWEEN 2020 AND 2100),
  amount_fen     bigint NOT NULL CHECK (amount_fen > 0),
  method         text NOT NULL CHECK (method IN ('factors', 'dibao_multiple', 'manual')),
  inputs         jsonb,
  note           text,
  set_by         uuid,
  set_at         timestamptz NOT NULL,
  superseded_at  timestamptz
);
CREATE UNIQUE INDEX monitoring_lines_current ON monitoring_lines (region_code, year) WHERE superseded_at IS NULL;

-- One open warning per household and rule; re-evaluation updates it, a condition that clears closes it.
CREATE TABLE warnings (
  county_code     text COLLATE "C" NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  household_id    uuid NOT NULL,
  village_code    text COLLATE "C" NOT NULL,
  rule_id         text NOT NULL,
  rule_version    text NOT NULL,
  source          text NOT NULL DEFAULT 'rules',
  status          text NOT NULL CHECK (status IN ('open', 'closed')),
  title           text NOT NULL,
  explanation     text NOT NULL,
  score           smallint NOT NULL,
  facts           jsonb NOT NULL,
  period_year     smallint,
  period_quarter  smallint,
  opened_at       timestamptz NOT NULL,
  due_at          timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  closed_at       timestamptz,
  close_reason    text,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, household_id) REFERENCES households (county_code, id)
);
CREATE UNIQUE INDEX warnings_open_per_rule ON warnings (county_code, household_id, rule_id) WHERE status = 'open';
CREATE INDEX warnings_village_open ON warnings (village_code, due_at) WHERE status = 'open';

-- Risk score of the last evaluation (0–100), materialised for lists; rebuildable by evaluating again.
ALTER TABLE households ADD COLUMN risk_score smallint NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN evaluated_at timestamptz;

INSERT INTO settings (key, value) VALUES ('warnings', '{}'::jsonb);
