#!/bin/sh
# Another rdsdeck checkout's production build as bench:api's peer, on the bench's own fleet and
# store: measures a change side by side with the code before it. Build that checkout first
# (`npm run build` there), then:
#   BENCH_PEER_NAME=before BENCH_PEER_CMD="bench/peers/rdsdeck-checkout.sh /path/to/checkout" npm run bench:api
set -eu
cd "$1"
eval "$(RDSDECK_DATA_DIR="$BENCH_DATA_DIR" node --import tsx infra/local/print-env.ts)"
export RDSDECK_MODE=local NODE_ENV=production HOST=127.0.0.1 RDSDECK_LOG_LEVEL=warn
exec node scripts/app-server.mjs
