-- The read-only role Grafana's PostgreSQL data source uses (issue 12, docs/dashboards.md).
--
-- ioc_reader is a NOLOGIN group role: it holds SELECT on exactly the relations the dashboards read and
-- nothing else (no api_token hashes, no feed ledger, no webhook outbox). A password never appears here;
-- the operator creates the login role Grafana connects with and makes it a member:
--   CREATE ROLE grafana LOGIN PASSWORD '…' IN ROLE ioc_reader;
-- (the production compose does this in its database init script, with the password from .env).
--
-- Roles belong to the whole server, not to one database or schema, so the role is created only if it
-- does not exist yet (several databases or schemas may run these migrations). A hub user that may not
-- create roles (no CREATEROLE, the usual case on a managed server) does not stop the hub from starting:
-- the migration then grants only if an administrator has created ioc_reader, and says so otherwise.
DO $$
DECLARE
    may_create boolean;
    relation   text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ioc_reader') THEN
        SELECT rolsuper OR rolcreaterole INTO may_create FROM pg_roles WHERE rolname = current_user;
        IF coalesce(may_create, false) THEN
            CREATE ROLE ioc_reader NOLOGIN;
        ELSE
            RAISE NOTICE 'role ioc_reader does not exist and % may not create it: dashboards get no read-only role '
                'until an administrator runs CREATE ROLE ioc_reader NOLOGIN and re-grants (docs/dashboards.md)',
                current_user;
            RETURN;
        END IF;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO ioc_reader', current_schema());
    -- The relations the dashboards read: the same reader names on PostgreSQL and TimescaleDB
    -- (metric_agg_1h/_1d are views over continuous aggregates there; a view is read with its owner's rights).
    FOREACH relation IN ARRAY ARRAY['observations', 'metric_agg_1m', 'metric_agg_1h', 'metric_agg_1d',
            'indicator_values', 'alerts', 'alert_events', 'silences', 'escalation_actions', 'registry_version']
    LOOP
        EXECUTE format('GRANT SELECT ON %I.%I TO ioc_reader', current_schema(), relation);
    END LOOP;
END
$$;
