-- One-minute statistics per metric for one device or one area, as computed by the streams stage.
-- The streams stage emits a new version of a window every time the window receives a reading, so the
-- sink upserts: one row per window, always holding the newest version.
--
-- Plain PostgreSQL on purpose: the embedded database has no TimescaleDB. A later migration turns this
-- table into a hypertable when the extension is present; readers (API, Grafana) only rely on the table
-- and column names below, so keep them stable.
CREATE TABLE metric_agg_1m (
    -- 'device' rows are one sensor's readings; 'area' rows combine every device of one area.
    scope        text             NOT NULL CHECK (scope IN ('device', 'area')),
    -- A device id for device rows, the area code for area rows.
    entity_id    text             NOT NULL,
    metric       text             NOT NULL,
    -- Denormalised from the registry so dashboards can filter by domain and area without joins.
    domain       text             NOT NULL,
    -- Nullable: city-wide feeds have no area.
    area_code    text,
    -- Window start (inclusive) and end (exclusive); named "bucket" like TimescaleDB's time_bucket.
    bucket       timestamptz      NOT NULL,
    bucket_end   timestamptz      NOT NULL,
    -- Only grows for a given window; the upsert uses it to ignore replayed older versions.
    sample_count bigint           NOT NULL CHECK (sample_count >= 0),
    sum_value    double precision NOT NULL,
    min_value    double precision NOT NULL,
    max_value    double precision NOT NULL,
    -- Stored although derivable (sum / count) because every dashboard reads it; NULL for an empty window.
    avg_value    double precision,
    last_value   double precision NOT NULL,
    -- When the sink last changed the row: shows how far behind the pipeline is.
    updated_at   timestamptz      NOT NULL DEFAULT now(),
    -- The window's identity; the upsert's conflict target. Also serves reads by scope and entity.
    PRIMARY KEY (scope, entity_id, metric, bucket)
);

-- Reads by metric over a time range (API default listing, city-wide panels).
CREATE INDEX metric_agg_1m_metric_bucket_idx ON metric_agg_1m (metric, bucket);

-- Reads by metric within one area over a time range (district panels, API ?area=).
CREATE INDEX metric_agg_1m_metric_area_bucket_idx ON metric_agg_1m (metric, area_code, bucket);
