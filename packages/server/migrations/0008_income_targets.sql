-- Income targets per region and year (增收目标, domain.md §3, seeds 000 and 004): per-capita net income and its four
-- parts in fen, business net of production costs (经营净收入) so the parts add up to the per-capita figure. A row
-- marked is_base holds a base year's actual figures (seed 004's 2021 column), from which the next year's growth is
-- measured; it is never a target. Every save is a new row: the current one per region and year has superseded_at
-- NULL (the monitoring_lines pattern), and version counts the saves for optimistic locking.
CREATE TABLE income_targets (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code     text COLLATE "C" NOT NULL CHECK (region_code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'),
  year            smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  version         integer NOT NULL CHECK (version >= 1),
  is_base         boolean NOT NULL DEFAULT false,
  per_capita_fen  bigint NOT NULL CHECK (per_capita_fen > 0),
  wage_fen        bigint CHECK (wage_fen >= 0),
  -- Net of costs, so a bad year may make it negative.
  business_fen    bigint,
  property_fen    bigint CHECK (property_fen >= 0),
  transfer_fen    bigint CHECK (transfer_fen >= 0),
  -- The growth rate the document states (0.1 = 10 %); the derived one is computed from the previous year's row.
  growth_rate     numeric(8, 5),
  source          text,
  note            text,
  set_by          uuid,
  set_by_name     text NOT NULL,
  set_at          timestamptz NOT NULL,
  superseded_at   timestamptz,
  UNIQUE (region_code, year, version)
);
CREATE UNIQUE INDEX income_targets_current ON income_targets (region_code, year) WHERE superseded_at IS NULL;
