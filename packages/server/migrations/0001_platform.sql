-- Platform: region code tables, accounts, sessions, settings, the audit trail.
-- Region and people codes use COLLATE "C" so `code LIKE '533423%'` (region scope = code prefix) can use a btree.

CREATE TABLE region_code_versions (
  version     text PRIMARY KEY,             -- e.g. '2023' (the year the statistics bureau published the table)
  valid_from  date NOT NULL,
  source      text NOT NULL,
  loaded_at   timestamptz NOT NULL DEFAULT now()
);

-- One row per region and validity period. A merge or rename closes the old row (valid_to, successor_code) and
-- opens a new one, so records that still carry an old code keep their history.
CREATE TABLE regions (
  code            text COLLATE "C" NOT NULL,  -- natural prefix: 2/4/6/9/12 digits
  valid_from      date NOT NULL,
  valid_to        date,                       -- NULL = current
  version         text NOT NULL REFERENCES region_code_versions (version),
  name            text NOT NULL,
  level           text NOT NULL CHECK (level IN ('province', 'city', 'county', 'township', 'village')),
  parent_code     text COLLATE "C",
  successor_code  text COLLATE "C",
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX regions_current_code ON regions (code) WHERE valid_to IS NULL;
CREATE INDEX regions_current_parent ON regions (parent_code, code) WHERE valid_to IS NULL;

CREATE TABLE users (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username              text NOT NULL,
  display_name          text NOT NULL,
  password_hash         text NOT NULL,
  roles                 text[] NOT NULL,
  region_code           text COLLATE "C" NOT NULL,
  status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  failed_logins         integer NOT NULL DEFAULT 0,
  locked_until          timestamptz,
  must_change_password  boolean NOT NULL DEFAULT false,
  password_changed_at   timestamptz,
  last_login_at         timestamptz,
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_username_unique UNIQUE (username),
  CONSTRAINT users_roles_present CHECK (cardinality(roles) BETWEEN 1 AND 8),
  CONSTRAINT users_region_prefix CHECK (region_code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'),
  -- Three-admin separation (三员分立): a separated administrator holds that one role and no other, so no account
  -- is two of them and none of them can also read personal data through a business role.
  CONSTRAINT users_admin_roles_separated CHECK (
    NOT (roles && ARRAY['system_admin', 'security_admin', 'audit_admin']::text[]) OR cardinality(roles) = 1)
);
CREATE INDEX users_region ON users (region_code);

-- Server-side sessions. Only a hash of the session id is stored, so a leaked table does not leak live sessions.
CREATE TABLE sessions (
  id_hash       text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Append-only audit trail with a hash chain: hash = sha256(prev_hash + canonical row). Editing any row breaks
-- the chain from that row on; `zengshou audit verify` names the first broken row.
CREATE TABLE audit_log (
  seq          bigint PRIMARY KEY,
  occurred_at  timestamptz NOT NULL,
  user_id      uuid,
  username     text,
  action       text NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  ip           text,
  region_code  text COLLATE "C",
  entity       text,
  entity_id    text,
  before       jsonb,
  after        jsonb,
  detail       jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE INDEX audit_log_time ON audit_log (occurred_at);
CREATE INDEX audit_log_user ON audit_log (username, occurred_at);
CREATE INDEX audit_log_action ON audit_log (action, occurred_at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = '42501';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Security settings start from the defaults in code (an empty object merges over them), at version 1.
INSERT INTO settings (key, value) VALUES ('security', '{}'::jsonb);
