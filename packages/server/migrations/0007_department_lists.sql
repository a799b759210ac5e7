-- 部门筛查预警: lists sent by departments (civil affairs, medical insurance, education, human resources, housing,
-- emergency management, disabled persons' federation), their rows with the result of matching by ID number, and the
-- warnings they push to villages.

-- One upload (file or JSON call). A dry run is stored with its match results so the uploader can review the diff and
-- apply the same list; applying changes households and opens warnings in one transaction. The same content applied
-- twice for the same scope and type is refused as a duplicate (idempotent by sha256).
CREATE TABLE department_lists (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code    text COLLATE "C" NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  -- The uploader's region scope at upload time: matching only ever sees households inside it.
  scope_code     text COLLATE "C" NOT NULL,
  list_type      text NOT NULL CHECK (list_type IN ('civil_affairs', 'medical_insurance', 'education', 'human_resources',
                                                    'housing', 'emergency', 'disability')),
  uploaded_by    uuid NOT NULL,
  channel        text NOT NULL CHECK (channel IN ('file', 'api')),
  file_name      text NOT NULL,
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  status         text NOT NULL CHECK (status IN ('dry_run', 'applied')),
  rows_total     integer NOT NULL DEFAULT 0,
  rows_matched   integer NOT NULL DEFAULT 0,
  rows_known     integer NOT NULL DEFAULT 0,
  rows_unmatched integer NOT NULL DEFAULT 0,
  rows_invalid   integer NOT NULL DEFAULT 0,
  warnings_opened integer NOT NULL DEFAULT 0,
  facts_updated  integer NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL,
  applied_at     timestamptz
);
CREATE UNIQUE INDEX department_lists_applied_once ON department_lists (scope_code, list_type, sha256) WHERE status = 'applied';
CREATE INDEX department_lists_scope ON department_lists (scope_code, created_at DESC);
CREATE INDEX department_lists_uploader ON department_lists (uploaded_by, created_at DESC);

-- One row of a list: what the department sent (the ID number in full, because it is the department's own data and
-- the match key; every response masks it) and how it matched. household/member are set only when matched.
CREATE TABLE department_list_rows (
  list_id       uuid NOT NULL REFERENCES department_lists (id) ON DELETE CASCADE,
  row_no        integer NOT NULL,
  id_number     text COLLATE "C",
  fields        jsonb NOT NULL DEFAULT '{}'::jsonb,
  status        text NOT NULL CHECK (status IN ('pending', 'matched', 'already_known', 'unmatched', 'invalid')),
  reason        text,
  county_code   text COLLATE "C",
  household_id  uuid,
  member_id     uuid,
  village_code  text COLLATE "C",
  PRIMARY KEY (list_id, row_no)
);
CREATE INDEX department_list_rows_id ON department_list_rows (list_id, id_number);

-- Department warnings: source 'department:<list_type>', pointing at the list row that raised them; the village may
-- close one as a false positive with a reason, which is reported back to the department as a rate per list type.
ALTER TABLE warnings ADD COLUMN department_list_id uuid;
ALTER TABLE warnings ADD COLUMN department_row_no integer;
ALTER TABLE warnings ADD COLUMN false_positive_reason text;
ALTER TABLE warnings ADD COLUMN false_positive_at timestamptz;
ALTER TABLE warnings ADD COLUMN false_positive_by uuid;
ALTER TABLE warnings ADD CONSTRAINT warnings_department_row
  FOREIGN KEY (department_list_id, department_row_no) REFERENCES department_list_rows (list_id, row_no);
CREATE INDEX warnings_department_list ON warnings (department_list_id) WHERE department_list_id IS NOT NULL;
