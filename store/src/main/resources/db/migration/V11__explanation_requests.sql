-- Requests for explanation (yêu cầu giải trình, issue 14): a leader asks the unit responsible for an
-- off-target KPI of an area or agency to explain it by a due date; the unit answers. docs/kpis.md.
--
-- The request keeps the KPI value it was about (period, value, target, plan status) as the leader saw it,
-- since the KPI's stored value may be corrected later. Status is computed when read: ANSWERED once answered,
-- OVERDUE when unanswered past due_at, else OPEN.
CREATE TABLE explanation_requests (
    id             bigserial PRIMARY KEY,
    indicator      text NOT NULL,
    scope          text NOT NULL,
    entity_id      text NOT NULL,
    area_code      text,
    domain         text NOT NULL,
    labels         jsonb NOT NULL DEFAULT '{}',
    department     text NOT NULL,
    period_start   timestamptz,
    value          double precision,
    target         double precision,
    plan_status    text,
    message        text NOT NULL,
    due_at         timestamptz NOT NULL,
    requested_by   text NOT NULL,
    requested_at   timestamptz NOT NULL,
    read_at        timestamptz,
    answer         text,
    answered_by    text,
    answered_at    timestamptz,
    -- When the overdue alert was raised; at most one per request.
    overdue_alerted_at timestamptz,
    CHECK ((answer IS NULL) = (answered_at IS NULL))
);

CREATE INDEX explanation_requests_department ON explanation_requests (department, id DESC);
CREATE INDEX explanation_requests_unanswered_due ON explanation_requests (due_at) WHERE answered_at IS NULL;

-- Every step (REQUESTED, READ, ANSWERED, OVERDUE_ALERTED), with who and when: append-only like alert_events.
CREATE TABLE explanation_request_events (
    id         bigserial PRIMARY KEY,
    request_id bigint NOT NULL REFERENCES explanation_requests (id),
    type       text NOT NULL,
    actor      text NOT NULL,
    at         timestamptz NOT NULL,
    text       text
);

CREATE INDEX explanation_request_events_request ON explanation_request_events (request_id, id);

CREATE TRIGGER explanation_request_events_append_only BEFORE UPDATE OR DELETE ON explanation_request_events
    FOR EACH ROW EXECUTE FUNCTION alert_append_only();
CREATE TRIGGER explanation_request_events_no_truncate BEFORE TRUNCATE ON explanation_request_events
    FOR EACH STATEMENT EXECUTE FUNCTION alert_append_only();
-- A request is part of the record: answered or not, it is never deleted.
CREATE TRIGGER explanation_requests_never_deleted BEFORE DELETE ON explanation_requests
    FOR EACH ROW EXECUTE FUNCTION alert_append_only();
CREATE TRIGGER explanation_requests_no_truncate BEFORE TRUNCATE ON explanation_requests
    FOR EACH STATEMENT EXECUTE FUNCTION alert_append_only();
