#!/usr/bin/env bash
# Quick gate before a commit: lint and both typechecks (the full suite is `npm test`).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent lint
npm run --silent typecheck
