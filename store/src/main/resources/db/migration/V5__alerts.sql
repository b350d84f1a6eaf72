-- The alert store: one row per alert (dedup key), its append-only audit trail, silences, pending
-- escalation actions and the notification outbox. Written by the alerting module (condition-event
-- consumer, operator commands, escalation scheduler, webhook dispatcher); read by the API.
-- Design and every decision: docs/alert-model.md and docs/notifications.md. Plain PostgreSQL 15.

-- One row per dedup key (rule + entity + identity labels). Episodes reuse the row: a re-fire after
-- resolution increments `episode`, so an alert keeps one id (and one URL) across episodes; the audit
-- trail tells episodes apart. The condition axis (set by rules) and the handling axis (set by people)
-- are independent columns.
CREATE TABLE alerts (
    id             bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_key      text             NOT NULL UNIQUE,
    rule_id        text             NOT NULL,
    entity_id      text             NOT NULL,
    scope          text             NOT NULL CHECK (scope IN ('device', 'area', 'agency', 'city')),
    domain         text             NOT NULL,
    area_code      text,
    labels         jsonb            NOT NULL DEFAULT '{}',
    severity       text             CHECK (severity IN ('INFO', 'WARNING', 'MAJOR', 'CRITICAL')),
    condition      text             NOT NULL
        CHECK (condition IN ('OK', 'PENDING', 'FIRING', 'RECOVERING', 'RESOLVED', 'NO_DATA')),
    -- Whether the current episode is open (FIRING/RECOVERING, or NO_DATA during an open episode).
    episode_open   boolean          NOT NULL DEFAULT false,
    flapping       boolean          NOT NULL DEFAULT false,
    -- 0 until the first episode opens (an alert can first appear as NO_DATA).
    episode        integer          NOT NULL DEFAULT 0 CHECK (episode >= 0),
    -- How often the rule raised the condition under this key (OPENED, RETRIGGERED, repeats), all episodes.
    occurrences    bigint           NOT NULL DEFAULT 0,
    first_seen_at  timestamptz      NOT NULL,
    last_seen_at   timestamptz      NOT NULL,
    opened_at      timestamptz,
    resolved_at    timestamptz,
    -- Who closed the episode when it was resolved by hand; NULL when the rule resolved it.
    resolved_by    text,
    handling       text             NOT NULL DEFAULT 'UNACK' CHECK (handling IN ('UNACK', 'ACK')),
    acked_by       text,
    acked_at       timestamptz,
    assignee       text,
    snoozed_until  timestamptz,
    summary        text,
    measure        double precision,
    -- Optimistic concurrency: +1 on every change of the row; commands may require an expected value.
    version        bigint           NOT NULL DEFAULT 1,
    -- Sequence number of the newest audit entry of this alert.
    last_event_seq integer          NOT NULL DEFAULT 0,
    updated_at     timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT alerts_ack_consistent CHECK ((handling = 'ACK') = (acked_by IS NOT NULL AND acked_at IS NOT NULL))
);

CREATE INDEX alerts_last_seen ON alerts (last_seen_at DESC, id DESC);
CREATE INDEX alerts_condition ON alerts (condition, last_seen_at DESC);
CREATE INDEX alerts_domain ON alerts (domain, last_seen_at DESC);
CREATE INDEX alerts_rule ON alerts (rule_id);
CREATE INDEX alerts_assignee ON alerts (assignee) WHERE assignee IS NOT NULL;
CREATE INDEX alerts_labels ON alerts USING gin (labels jsonb_path_ops);

-- The audit trail: every condition event and every human or system action, append-only. `id` is
-- global and, because every writer takes the same transaction-level advisory lock before inserting,
-- ids become visible in increasing order: a reader that remembers the last id it saw misses nothing
-- (the API's change stream resumes from it). `seq` numbers an alert's own entries 1, 2, 3, ...
CREATE TABLE alert_events (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id  bigint      NOT NULL REFERENCES alerts (id),
    seq       integer     NOT NULL,
    type      text        NOT NULL,
    -- 'rule:<rule id>' for condition events, 'system:escalation' etc. for the hub, else the person.
    actor     text        NOT NULL,
    at        timestamptz NOT NULL,
    episode   integer     NOT NULL,
    comment   text,
    details   jsonb       NOT NULL DEFAULT '{}',
    -- The ConditionEvent's id for condition events: a replayed event is recognised and ignored.
    event_id  text        UNIQUE,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (alert_id, seq)
);

CREATE FUNCTION alert_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER alert_events_append_only BEFORE UPDATE OR DELETE ON alert_events
    FOR EACH ROW EXECUTE FUNCTION alert_append_only();
CREATE TRIGGER alert_events_no_truncate BEFORE TRUNCATE ON alert_events
    FOR EACH STATEMENT EXECUTE FUNCTION alert_append_only();

-- Silences: label matchers [{"label": "...", "op": "=|!=|=~|!~", "value": "..."}]; an alert matching every
-- matcher is silenced between starts_at and ends_at. Silences are expired (expired_at), never deleted.
CREATE TABLE silences (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    matchers    jsonb       NOT NULL CHECK (jsonb_typeof(matchers) = 'array' AND jsonb_array_length(matchers) > 0),
    created_by  text        NOT NULL,
    comment     text        NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expired_at  timestamptz,
    expired_by  text,
    CHECK (ends_at > starts_at)
);

CREATE TRIGGER silences_never_deleted BEFORE DELETE ON silences
    FOR EACH ROW EXECUTE FUNCTION alert_append_only();
CREATE TRIGGER silences_no_truncate BEFORE TRUNCATE ON silences
    FOR EACH STATEMENT EXECUTE FUNCTION alert_append_only();

CREATE INDEX silences_active ON silences (ends_at) WHERE expired_at IS NULL;

-- Escalation steps waiting for their due time, one row per (alert, episode, policy step). Rows are the
-- schedule: a restarted hub finds them here. `until` says what cancels the step: ACK (acknowledged) or
-- RESOLVE (episode resolved; resolving also cancels ACK steps).
CREATE TABLE escalation_actions (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id     bigint      NOT NULL REFERENCES alerts (id),
    episode      integer     NOT NULL,
    policy_id    text        NOT NULL,
    step         integer     NOT NULL,
    level        integer     NOT NULL CHECK (level >= 1),
    until        text        NOT NULL CHECK (until IN ('ACK', 'RESOLVE')),
    receivers    jsonb       NOT NULL DEFAULT '[]',
    due_at       timestamptz NOT NULL,
    state        text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'FIRED', 'CANCELLED')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    settled_at   timestamptz,
    -- Why it was cancelled (acknowledged, resolved, ...) or what firing did.
    reason       text
);

-- At most one live step per (alert, episode, policy step): re-arming after an unack cannot duplicate it.
CREATE UNIQUE INDEX escalation_actions_one_pending ON escalation_actions (alert_id, episode, policy_id, step)
    WHERE state = 'PENDING';
CREATE INDEX escalation_actions_due ON escalation_actions (due_at) WHERE state = 'PENDING';

-- Webhook notifications, written in the same transaction as the change they announce and delivered
-- by the dispatcher at least once; receivers de-duplicate by `idempotency_key`.
CREATE TABLE notification_outbox (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idempotency_key  text        NOT NULL UNIQUE,
    receiver         text        NOT NULL,
    alert_id         bigint      NOT NULL REFERENCES alerts (id),
    kind             text        NOT NULL,
    payload          jsonb       NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    -- Set when the dispatcher gave up (receiver unknown now, or retries exhausted); never deleted.
    abandoned_at     timestamptz,
    last_error       text
);

CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at)
    WHERE delivered_at IS NULL AND abandoned_at IS NULL;
