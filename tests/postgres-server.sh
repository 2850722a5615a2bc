# Sourced by the test script: starts a throwaway PostgreSQL server for the PostgreSQL pass of the
# suite, on a private port and data directory, and stops it when the script exits. Exports
# BOTCAMP_TEST_DATABASE_URL. Uses Debian's postgresql package (installed when missing and we
# are root); the server refuses to run as root, so then it runs as the `postgres` user.
botcamp_start_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "botcamp: installing Debian's postgresql for the PostgreSQL tests" >&2
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    fi
  fi
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "botcamp: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
    return 1
  fi
  BOTCAMP_PG_DIR="$(mktemp -d /tmp/botcamp-pg.XXXXXX)"
  local port=$(( 20000 + RANDOM % 20000 ))
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$BOTCAMP_PG_DIR"
    as=(runuser -u postgres --)
  fi
  BOTCAMP_PG_CTL=("${as[@]}" "$bin/pg_ctl")
  "${as[@]}" "$bin/initdb" -D "$BOTCAMP_PG_DIR/data" -A trust -U postgres >/dev/null
  # Durability off: this server holds nothing but test data, and fsyncs would only slow the suite.
  # synchronous_commit stays at its default (on): the tests check that only relaxed writes turn it
  # off, and without fsync it costs nothing. The benchmark sets BOTCAMP_PG_DURABLE=1: its figures
  # must include the fsyncs production pays.
  local durability="-c fsync=off -c full_page_writes=off"
  if [ "${BOTCAMP_PG_DURABLE:-}" = 1 ]; then durability=""; fi
  "${BOTCAMP_PG_CTL[@]}" -D "$BOTCAMP_PG_DIR/data" -l "$BOTCAMP_PG_DIR/server.log" -w \
    -o "-p $port -k $BOTCAMP_PG_DIR -c listen_addresses=127.0.0.1 $durability -c max_connections=200" start >/dev/null
  trap botcamp_stop_postgres EXIT
  export BOTCAMP_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "botcamp: test PostgreSQL on 127.0.0.1:$port" >&2
}

botcamp_stop_postgres() {
  if [ -n "${BOTCAMP_PG_DIR:-}" ] && [ -d "$BOTCAMP_PG_DIR/data" ]; then
    "${BOTCAMP_PG_CTL[@]}" -D "$BOTCAMP_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$BOTCAMP_PG_DIR"
  fi
}
