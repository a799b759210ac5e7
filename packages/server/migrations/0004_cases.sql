-- Monitoring cases (监测帮扶案件): the append-only event log is the record; `cases` is its projection.

-- One row per case: the current state as core's replay() derived it when the last event was stored, kept so queues,
-- lists and dashboards read it without replaying. Rebuildable from case_events at any time.
CREATE TABLE cases (
  county_code    text COLLATE "C" NOT NULL,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Printed on notices and quoted on the phone: county, year, running number.
  case_no        text NOT NULL,
  household_id   uuid NOT NULL,
  village_code   text COLLATE "C" NOT NULL,
  source         text NOT NULL CHECK (source IN ('warning', 'cadre', 'declaration', 'department')),
  warning_id     uuid,
  status         text NOT NULL,
  state          jsonb NOT NULL,
  -- Number of events; a step names the version it was decided on (optimistic concurrency).
  version        integer NOT NULL,
  -- Earliest deadline the case still waits for (core deadlines()), NULL when none.
  due_kind       text,
  due_date       date,
  opened_at      timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, case_no),
  FOREIGN KEY (county_code, household_id) REFERENCES households (county_code, id),
  CHECK (county_code = substr(village_code, 1, 6))
);
-- A household has at most one case that is still running; an eliminated or closed case stays as history.
CREATE UNIQUE INDEX cases_one_active ON cases (county_code, household_id)
  WHERE status NOT IN ('eliminated', 'closed_not_included');
CREATE INDEX cases_village_status ON cases (village_code, status);
CREATE INDEX cases_due ON cases (due_date) WHERE due_date IS NOT NULL;

-- The events, never changed once written. request_id makes a retried step a no-op instead of a second step.
CREATE TABLE case_events (
  county_code   text COLLATE "C" NOT NULL,
  case_id       uuid NOT NULL,
  seq           integer NOT NULL CHECK (seq >= 1),
  type          text NOT NULL,
  event         jsonb NOT NULL,
  at            timestamptz NOT NULL,
  actor_id      uuid,
  actor_name    text NOT NULL,
  request_id    uuid,
  PRIMARY KEY (county_code, case_id, seq),
  FOREIGN KEY (county_code, case_id) REFERENCES cases (county_code, id)
);
CREATE UNIQUE INDEX case_events_request ON case_events (county_code, request_id) WHERE request_id IS NOT NULL;

CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_events_append_only();
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
  FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only();

-- Measures of every case, flattened from the projection for ledgers and dashboards (by category, owner, status).
CREATE TABLE case_measures (
  county_code    text COLLATE "C" NOT NULL,
  case_id        uuid NOT NULL,
  measure_id     text NOT NULL,
  household_id   uuid NOT NULL,
  village_code   text COLLATE "C" NOT NULL,
  category       text NOT NULL,
  owner          text NOT NULL,
  planned_date   date NOT NULL,
  actual_date    date,
  status         text NOT NULL,
  amount_fen     bigint,
  added_at       timestamptz NOT NULL,
  PRIMARY KEY (county_code, case_id, measure_id),
  FOREIGN KEY (county_code, case_id) REFERENCES cases (county_code, id)
);

-- Running number per county and year for case_no.
CREATE TABLE case_counters (
  county_code  text COLLATE "C" NOT NULL,
  year         smallint NOT NULL,
  last_no      integer NOT NULL,
  PRIMARY KEY (county_code, year)
);

-- The warning a lead was opened from points at its case, so the warnings list can link to it.
ALTER TABLE warnings ADD COLUMN case_id uuid;

-- Per-region workflow thresholds (core caseConfigSchema), keyed by region code prefix; the longest prefix wins.
INSERT INTO settings (key, value) VALUES ('cases', '{"regions": {}}'::jsonb);
