-- Derived indicators and department KPIs (VN_AQI, flood alert level, on-time rate of dossiers, ...),
-- one row per indicator, entity, identity labels, granularity and period. Definitions (unit, target,
-- polarity) live in the indicator registry (model/src/main/resources/registry/indicators.json), not here.
--
-- Low volume (hours, days, months per entity), so a plain table on both dialects; the streams stage emits
-- a new version of a period's value whenever its inputs change and the sink upserts by the primary key.
CREATE TABLE indicator_values (
    indicator    text             NOT NULL,
    scope        text             NOT NULL CHECK (scope IN ('device', 'area', 'agency', 'city')),
    -- A device id, area code, agency code, or 'can-tho' for city-wide values.
    entity_id    text             NOT NULL,
    -- Identity labels in canonical form 'k=v&k=v' (sorted); '' when the indicator has none.
    labels_key   text             NOT NULL DEFAULT '',
    granularity  text             NOT NULL CHECK (granularity IN ('instant', 'hour', 'day', 'month', 'quarter', 'year')),
    -- Period start (inclusive) and end (exclusive); calendar periods are Vietnam-time days/months/...
    period_start timestamptz      NOT NULL,
    period_end   timestamptz      NOT NULL,
    domain       text             NOT NULL,
    area_code    text,
    value        double precision NOT NULL,
    labels       jsonb            NOT NULL DEFAULT '{}',
    -- Descriptive facts: AQI category and colour, dominant pollutant, last year's value, ...
    attributes   jsonb            NOT NULL DEFAULT '{}',
    -- Event time of the input that produced this version; the upsert ignores versions older than the stored one.
    computed_at  timestamptz      NOT NULL,
    updated_at   timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (indicator, scope, entity_id, labels_key, granularity, period_start)
);

CREATE INDEX indicator_values_domain_period ON indicator_values (domain, indicator, period_start DESC);
CREATE INDEX indicator_values_latest ON indicator_values (indicator, entity_id, period_start DESC);
