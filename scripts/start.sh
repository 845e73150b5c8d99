#!/usr/bin/env bash
# The main job in one command: install dependencies (once), build, and summarise
# the bundled sample reports: their figures, who is quoted, what they recommend.
#   bash scripts/start.sh [PATH...]     (default: samples/)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run build --silent
if [ "$#" -eq 0 ]; then set -- samples; fi
node dist/cli.js summary "$@"
