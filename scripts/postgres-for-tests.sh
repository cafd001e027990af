#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1 for the PostgreSQL pass of the API tests and
# prints its URL. Uses Debian's server binaries; installs them with apt-get when missing
# and running as root, otherwise says what to install. Stop it with: $0 stop <dir>
set -euo pipefail

if [ "${1:-}" = "stop" ]; then
  dir="$2"
  bin=$(cat "$dir/bin")
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  else "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
  exit 0
fi

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }
bin=$(find_bin)
if [ -z "$bin" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing PostgreSQL (postgresql) with apt-get…" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2
    bin=$(find_bin)
  fi
  if [ -z "$bin" ]; then
    echo "PostgreSQL server binaries not found. Install Debian's 'postgresql' package (apt-get install postgresql)." >&2
    exit 1
  fi
fi

dir=$(mktemp -d -t layerscope-pg-XXXXXX)
echo "$bin" > "$dir/bin"
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres user.
[ "$(id -u)" = 0 ] && chown postgres "$dir"
run "$bin/initdb" -D "$dir/data" -U layerscope -A trust --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
run "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w \
  -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
run "$bin/createdb" -h 127.0.0.1 -p "$port" -U layerscope layerscope
echo "dir=$dir"
echo "url=postgres://layerscope@127.0.0.1:$port/layerscope"
