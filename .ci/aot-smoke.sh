#!/usr/bin/env bash
# Publishes the Native AOT binary (failing on any trim/AOT warning) and runs the integration tests marked
# [Trait("Category", "Smoke")] against it through AWS_SESSION_BIN, so trimming can never break a feature unnoticed.
# Called by .ci/run after the normal test run. AOT_SMOKE_FILTER overrides the filter ("" runs the whole suite).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev >/dev/null; }

out=artifacts/aot
mkdir -p artifacts
echo "aot-smoke: dotnet publish src/AwsSession -c Release (Native AOT)"
dotnet publish src/AwsSession -c Release -o "$out" -p:TreatWarningsAsErrors=true >artifacts/aot-publish.log 2>&1 \
  || { tail -30 artifacts/aot-publish.log; echo "aot-smoke: publish failed"; exit 1; }
if grep -E 'warning (IL|NETSDK)[0-9]+' artifacts/aot-publish.log; then
  echo "aot-smoke: the AOT publish has trim/AOT warnings (above); fix them at the source"; exit 1
fi
[ "$(head -c4 "$out/aws-session" | tail -c3)" = ELF ] || { echo "aot-smoke: $out/aws-session is not a native binary"; exit 1; }
"$out/aws-session" --version

filter=${AOT_SMOKE_FILTER-Category=Smoke}
echo "aot-smoke: integration tests (${filter:-all}) against $out/aws-session"
AWS_SESSION_BIN=$PWD/$out/aws-session dotnet test tests/Integration ${filter:+--filter "$filter"} 2>&1 | tee artifacts/aot-smoke.log
status=${PIPESTATUS[0]}
if grep -q 'No test matches the given testcase filter' artifacts/aot-smoke.log; then
  echo "aot-smoke: no test carries the filter '$filter'"; exit 1
fi
exit "$status"
