#!/bin/sh
# Runs once, when the TimescaleDB volume is first initialised: creates the group role ioc_reader (the hub's
# migration V8 grants it SELECT on the dashboards' relations) and Grafana's login role in it, with the
# password from .env. Read-only by default too, and no query may run longer than 30 s.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v reader_password="$GRAFANA_DB_PASSWORD" <<'SQL'
CREATE ROLE ioc_reader NOLOGIN;
CREATE ROLE grafana LOGIN IN ROLE ioc_reader PASSWORD :'reader_password';
ALTER ROLE grafana SET default_transaction_read_only = on;
ALTER ROLE grafana SET statement_timeout = '30s';
SQL
