#!/usr/bin/env bash
# Publishes the Native AOT binary (failing on any trim/AOT warning) and runs the integration tests marked
# [Trait("Category", "Smoke")] against it through AWS_SESSION_BIN, so trimming can never break a feature unnoticed.
# Called by .ci/run after the normal test run, with extra `dotnet test` arguments (its TRX logger and results directory).
# AOT_SMOKE_FILTER overrides the filter ("" runs the whole suite).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang >/dev/null || [ ! -e /usr/include/zlib.h ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev >/dev/null \
    || { echo "aot-smoke: Native AOT needs clang and zlib1g-dev, and apt-get could not install them"; exit 1; }
fi

out=artifacts/aot
mkdir -p artifacts
echo "aot-smoke: dotnet publish src/AwsSession -c Release (Native AOT)"
dotnet publish src/AwsSession -c Release -o "$out" -p:TreatWarningsAsErrors=true >artifacts/aot-publish.log 2>&1 \
  || { tail -30 artifacts/aot-publish.log; echo "aot-smoke: publish failed"; exit 1; }
if grep -E ': warning [A-Z]+[0-9]+' artifacts/aot-publish.log; then
  echo "aot-smoke: the AOT publish has warnings (above); fix them at the source"; exit 1
fi
# Two executables: aws-session (the front, which serves cache hits) and aws-session-full (everything else).
for exe in aws-session aws-session-full; do
  [ "$(head -c4 "$out/$exe" 2>/dev/null | tail -c3)" = ELF ] || { echo "aot-smoke: $out/$exe is not a native binary"; exit 1; }
done
"$out/aws-session" --version

filter=${AOT_SMOKE_FILTER-Category=Smoke}
echo "aot-smoke: integration tests (${filter:-all}) against $out/aws-session"
# Release, like .ci/run's build, so the test project is not built a second time in Debug.
AWS_SESSION_BIN=$PWD/$out/aws-session dotnet test tests/Integration -c Release ${filter:+--filter "$filter"} "$@" 2>&1 | tee artifacts/aot-smoke.log
status=${PIPESTATUS[0]}
if grep -q 'No test matches the given testcase filter' artifacts/aot-smoke.log; then
  echo "aot-smoke: no test carries the filter '$filter'"; exit 1
fi
exit "$status"
