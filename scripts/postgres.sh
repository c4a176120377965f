#!/usr/bin/env bash
# Start the local PostgreSQL (Debian's package and tools) and make a KIM Dashboard database with two roles:
# the owner (the one writer: `python -m kim_dash import`) and a reader with SELECT only (the app).
# Idempotent and safe to run again; as root it installs Debian's postgresql when missing.
# Prints `export NAME=URL` lines for the shell to eval; messages go to stderr. Exit status 1: no PostgreSQL.
#
#   eval "$(bash scripts/postgres.sh)"              # tests: KIM_TEST_DATABASE_URL, ..._READONLY_URL
#   KIM_PG_DB=kim KIM_PG_OWNER=kim_import KIM_PG_READER=kim_app KIM_PG_EXPORT=KIM_DATABASE \
#   KIM_PG_OWNER_PASSWORD=... KIM_PG_READER_PASSWORD=... bash scripts/postgres.sh   # a server
#
# --createdb also lets the owner create databases (the tests drop one to see a store go away).
set -euo pipefail
DB=${KIM_PG_DB:-kim_test}
OWNER=${KIM_PG_OWNER:-kim_test}
READER=${KIM_PG_READER:-kim_test_reader}
# Fixed defaults suit the throw-away test database on this machine only (and keep parallel runs from
# changing each other's password); any other database needs both passwords given.
if [ "$DB" != "kim_test" ] && { [ -z "${KIM_PG_OWNER_PASSWORD:-}" ] || [ -z "${KIM_PG_READER_PASSWORD:-}" ]; }; then
  echo "postgres.sh: set KIM_PG_OWNER_PASSWORD and KIM_PG_READER_PASSWORD for database $DB" >&2
  exit 1
fi
OWNER_PW=${KIM_PG_OWNER_PASSWORD:-kim_test_owner}
READER_PW=${KIM_PG_READER_PASSWORD:-kim_test_reader}
EXPORT=${KIM_PG_EXPORT:-KIM_TEST_DATABASE}
CREATEDB=NOCREATEDB
[ "${1:-}" = "--createdb" ] && CREATEDB=CREATEDB

say() { echo "postgres.sh: $*" >&2; }
as_postgres() { runuser -u postgres -- "$@"; }

if [ "$(id -u)" != "0" ]; then
  say "needs root (Debian's pg_ctlcluster and runuser); or set ${EXPORT}_URL to a database of your own"
  exit 1
fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    say "Debian's postgresql package is not installed and apt-get is missing"
    exit 1
  fi
  say "installing Debian's postgresql"
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
fi

cluster=$(pg_lsclusters --no-header | awk 'NR == 1 {print $1, $2}')
if [ -z "$cluster" ]; then
  version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)
  say "creating cluster $version main"
  pg_createcluster "$version" main >/dev/null
  cluster="$version main"
fi
read -r version name <<<"$cluster"
status() { pg_lsclusters --no-header "$version" "$name" | awk '{print $4}'; }
if [ "$(status)" != "online" ]; then
  # Another run may be starting it at the same moment: only its final state matters.
  pg_ctlcluster "$version" "$name" start >/dev/null 2>&1 || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do [ "$(status)" = "online" ] && break; sleep 0.5; done
fi
if [ "$(status)" != "online" ]; then
  say "cluster $version $name does not start; see /var/log/postgresql/postgresql-$version-$name.log"
  exit 1
fi
port=$(pg_lsclusters --no-header "$version" "$name" | awk '{print $3}')

# psql variables, set on stdin (not the command line, where other users could read the passwords)
quote() { local s=${1//\\/\\\\}; printf "'%s'" "${s//\'/\'\'}"; }
setup_sql() {
  cat <<SQL
\\set db $(quote "$DB")
\\set owner $(quote "$OWNER")
\\set reader $(quote "$READER")
\\set owner_pw $(quote "$OWNER_PW")
\\set reader_pw $(quote "$READER_PW")
SELECT format('CREATE ROLE %I', :'owner') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \\gexec
SELECT format('CREATE ROLE %I', :'reader') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'reader') \\gexec
SELECT format('ALTER ROLE %I LOGIN $CREATEDB PASSWORD %L', :'owner', :'owner_pw') \\gexec
SELECT format('ALTER ROLE %I LOGIN NOCREATEDB PASSWORD %L', :'reader', :'reader_pw') \\gexec
-- the app only reads: refuse writes even if a grant slips through
SELECT format('ALTER ROLE %I SET default_transaction_read_only = on', :'reader') \\gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \\gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', :'db', :'reader') \\gexec
\\connect :"db"
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('GRANT USAGE ON SCHEMA public TO %I', :'reader') \\gexec
SELECT format('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', :'reader') \\gexec
-- tables and schemas the owner makes later (the first import; a test's own schema) are readable too
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT SELECT ON TABLES TO %I', :'owner', :'reader') \\gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT USAGE ON SCHEMAS TO %I', :'owner', :'reader') \\gexec
SQL
}
psql_setup() { setup_sql | as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres >/dev/null; }
# a parallel run may create the same role first: one retry sees it
psql_setup 2>/dev/null || psql_setup || { say "could not create the roles and database"; exit 1; }

url_quote() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
url() { echo "postgresql+psycopg://$(url_quote "$1"):$(url_quote "$2")@127.0.0.1:$port/$(url_quote "$DB")"; }
echo "export ${EXPORT}_URL='$(url "$OWNER" "$OWNER_PW")'"
echo "export ${EXPORT}_READONLY_URL='$(url "$READER" "$READER_PW")'"
