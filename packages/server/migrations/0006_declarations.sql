-- Self-declarations (农户自主申报, domain.md §4 channel 1): what a person sent on the public form, and what became
-- of it. Like every table with people's data it carries county_code (the distribution column, part of the key).

CREATE TABLE declarations (
  county_code    text COLLATE "C" NOT NULL,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Given to the declarant; with the last 4 of the ID it is the only way to look the declaration up from outside.
  -- Globally unique: the public lookup does not know the county. (On Citus this column would move to a small
  -- reference table receipt_code → county_code.)
  receipt_code   text COLLATE "C" NOT NULL UNIQUE CHECK (receipt_code ~ '^[2-9A-HJ-NP-Z]{10}$'),
  village_code   text COLLATE "C" NOT NULL CHECK (village_code ~ '^[0-9]{12}$'),
  -- Stored as given: the village needs them for the home check. They leave the server masked, except through the
  -- audited unmask call.
  name           text NOT NULL,
  phone          text NOT NULL,
  id_number      text COLLATE "C" NOT NULL CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
  -- HMAC-SHA256 (key in settings 'declarations') of the ID number and of the sender's IP: per-ID rate limiting and
  -- repeat counts without indexing the plain ID, and no plain IP kept with the form.
  id_hash        text COLLATE "C" NOT NULL,
  ip_hash        text COLLATE "C",
  difficulties   text[] NOT NULL CHECK (cardinality(difficulties) >= 1),
  description    text NOT NULL CHECK (length(description) <= 500),
  status         text NOT NULL CHECK (status IN ('received', 'lead_opened', 'needs_registration', 'closed')),
  household_id   uuid,
  case_id        uuid,
  closed_reason  text,
  closed_by      uuid,
  closed_at      timestamptz,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, household_id) REFERENCES households (county_code, id),
  FOREIGN KEY (county_code, case_id) REFERENCES cases (county_code, id),
  CHECK (county_code = substr(village_code, 1, 6)),
  CHECK (status <> 'lead_opened' OR (household_id IS NOT NULL AND case_id IS NOT NULL)),
  CHECK (status <> 'closed' OR closed_reason IS NOT NULL)
);
CREATE INDEX declarations_village ON declarations (village_code, created_at DESC);
CREATE INDEX declarations_id_hash ON declarations (id_hash, created_at);
CREATE INDEX declarations_case ON declarations (county_code, case_id) WHERE case_id IS NOT NULL;

-- The HMAC key, made once per installation (two random UUIDs: 244 random bits, no pgcrypto needed).
INSERT INTO settings (key, value)
VALUES ('declarations', jsonb_build_object('hashKey', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')));
