#!/usr/bin/env bash
# Checks Madoguchi on other Node.js versions than the machine's own, from a clean clone:
#
#   scripts/check-node-versions.sh 22.23.3 24.21.0
#
# For each version: `npm pack node-linux-<arch>@<version>` (the official binary and its
# headers, from the npm registry) into a temp dir, clone this repository's HEAD, `npm ci`
# with that node first on PATH and npm_config_nodedir pointing at its headers (so
# better-sqlite3 and argon2 are built for it), load both addons, build the agent app, run
# the test suite (SQLite, and PostgreSQL when TEST_DATABASE_URL is set or a server answers
# on 127.0.0.1:5432), then smoke `npm start` until /readyz answers 200. Versions run one
# after the other (a full test run takes ≈ 10 min on 2 cores). Not part of .ci/run.
# Options (environment): PORT (default 3122) and MADOGUCHI_SMTP_PORT (2622) for the smoke
# start; HEADERS_FROM=24.0.0 builds the addons against that version's headers instead (the
# official better-sqlite3 binaries for Node 24 are built against 24.0.0's); SKIP_TESTS=1;
# KEEP=1 keeps the temp dirs. Exit status: 0 when every version passed.
set -uo pipefail

if (($# == 0)); then
  echo "usage: $0 <node version>… (e.g. 22.23.3 24.21.0)" >&2
  exit 2
fi
repo=$(cd "$(dirname "$0")/.." && pwd)
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "no node-linux package for $(uname -m)" >&2; exit 2 ;;
esac
port=${PORT:-3122}
smtp_port=${MADOGUCHI_SMTP_PORT:-2622}
if [[ -z ${TEST_DATABASE_URL:-} ]] && command -v pg_isready >/dev/null && pg_isready -h 127.0.0.1 -p 5432 -q; then
  export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test
fi
failed=0
summary=()

check() {
  local version=$1 dir started
  dir=$(mktemp -d "/tmp/madoguchi-node-$version.XXXX")
  started=$(date +%s)
  say() { printf '\n=== node %s: %s (%ss)\n' "$version" "$1" "$(( $(date +%s) - started ))"; }
  fail() { echo "FAILED on node $version: $1 (logs in $dir)" >&2; return 1; }

  say "npm pack node-linux-$arch@$version"
  (cd "$dir" && npm pack --silent "node-linux-$arch@$version" >/dev/null && tar xzf node-linux-*.tgz) || { fail "npm pack"; return; }
  local node_home=$dir/package headers=$dir/package
  if [[ -n ${HEADERS_FROM:-} ]]; then
    mkdir -p "$dir/headers"
    (cd "$dir/headers" && npm pack --silent "node-linux-$arch@$HEADERS_FROM" >/dev/null && tar xzf node-linux-*.tgz) || { fail "npm pack headers $HEADERS_FROM"; return; }
    headers=$dir/headers/package
  fi
  # No npm in that package: the machine's npm (#!/usr/bin/env node) runs under the node first on PATH.
  export PATH="$node_home/bin:$PATH" npm_config_nodedir=$headers
  [[ $(node -v) == "v$version" ]] || { fail "node -v says $(node -v)"; return; }

  say "clone and npm ci (native addons built against $headers/include/node)"
  git clone -q "$repo" "$dir/madoguchi" || { fail "git clone"; return; }
  cd "$dir/madoguchi" || return
  npm ci --no-audit --no-fund >"$dir/npm-ci.log" 2>&1 || { tail -n 30 "$dir/npm-ci.log"; fail "npm ci"; return; }
  # Loads both addons, then lets the garbage collector free better-sqlite3 statements for ~4 s:
  # better-sqlite3 12 built against Node 24.19+ headers aborts there, or already at exit
  # ("Assertion failed: (env) != nullptr", nodejs/node#65446).
  (cd packages/server && node -e "
    require('argon2')
    const db = new (require('better-sqlite3'))(':memory:')
    db.exec('create table t (id integer primary key, v text)')
    let n = 0
    const t = setInterval(() => { for (let i = 0; i < 2000; i++) db.prepare('insert into t (v) values (?)').run('x' + n++) }, 50)
    setTimeout(() => clearInterval(t), 4000)") || { fail "native addons: load or garbage-collection check failed (see above)"; return; }

  say "build the agent app"
  npm run build:web >"$dir/build-web.log" 2>&1 || { tail -n 30 "$dir/build-web.log"; fail "build:web"; return; }

  local tests=passed dialects="SQLite only"
  [[ -n ${TEST_DATABASE_URL:-} ]] && dialects="SQLite and PostgreSQL"
  if [[ -z ${SKIP_TESTS:-} ]]; then
    say "npm test ($dialects)"
    npx vitest run --reporter=dot 2>&1 | tee "$dir/test.log" | tail -n 40
    # Failed tests do not stop the smoke start below; the version fails at the end.
    ((PIPESTATUS[0] == 0)) || tests=failed
  fi

  say "smoke: npm start on port $port (SMTP $smtp_port)"
  if curl -s -o /dev/null "localhost:$port"; then fail "port $port is already taken (set PORT)"; return; fi
  # Its own process group, stopped as Ctrl+C would stop it: npm does not hand a SIGTERM sent
  # to npm alone on to the server (npm exits, the server keeps running), on any Node version.
  PORT=$port MADOGUCHI_SMTP_PORT=$smtp_port setsid npm start >"$dir/start.log" 2>&1 &
  local group=$! ready=
  for _ in $(seq 1 180); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/readyz") == 200 ]]; then ready=1; break; fi
    kill -0 -- "-$group" 2>/dev/null || break
    sleep 1
  done
  kill -TERM -- "-$group" 2>/dev/null
  for _ in $(seq 1 60); do kill -0 -- "-$group" 2>/dev/null || break; sleep 0.5; done
  if kill -0 -- "-$group" 2>/dev/null; then
    kill -KILL -- "-$group"
    fail "npm start did not stop within 30 s of SIGTERM"; return
  fi
  cat "$dir/start.log"
  [[ -n $ready ]] || { fail "npm start: /readyz never answered 200"; return; }
  grep -q 'Admin login' "$dir/start.log" || { fail "npm start printed no admin login"; return; }
  grep -q 'Demo data loaded' "$dir/start.log" || { fail "npm start loaded no demo data"; return; }
  grep -q 'SIGTERM received' "$dir/start.log" || { fail "npm start did not shut down on SIGTERM"; return; }

  [[ $tests == passed ]] || { fail "tests (the smoke start passed)"; return; }
  say "passed"
  [[ -n ${KEEP:-} ]] || rm -rf "$dir"
}

for version in "$@"; do
  # A subshell each: PATH, nodedir and cwd do not leak into the next version.
  if (check "$version"); then summary+=("node $version: passed"); else summary+=("node $version: FAILED"); failed=1; fi
done
printf '\n%s\n' "${summary[@]}"
exit "$failed"
