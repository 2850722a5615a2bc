#!/usr/bin/env bash
# `npm start`: install, build and start Botcamp with the demo course on the embedded defaults
# (SQLite under data/, e-mail to the outbox, payments off). Ctrl+C stops it.
source "$(dirname "${BASH_SOURCE[0]}")/node-env.sh"
cd "$BOTCAMP_ROOT"
botcamp_build_if_stale
npx tsx src/cli/seed-demo.ts
export HOST="${HOST:-127.0.0.1}" PORT="${PORT:-4321}"
echo "botcamp: open http://localhost:$PORT" >&2
exec node --experimental-strip-types src/cli/serve.ts
