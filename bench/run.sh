#!/usr/bin/env bash
# The benchmarks: builds Release, generates the synthetic data once (bench/data/, reused while the schema
# and the generator are unchanged), starts the real app on 127.0.0.1 on a copy of it, and prints one Markdown table of
# median, p95 and the ratio to a floor measured in the same run. Nothing here runs in CI and nothing here ships.
#   bash bench/run.sh                              everything (about 15 minutes once the data exists)
#   bash bench/run.sh --only dashboard,intake      some of: dashboard interaction circuits intake postgres matrix startup expiry review hr pages
#   bash bench/run.sh --only postgres              the dashboard and intake on PostgreSQL (needs Debian's postgresql; skipped without it)
#   bash bench/run.sh --quick                      every benchmark once over small data (about a minute): does each still work?
# Environment: BENCH_DATA (data folder, default bench/data), BENCH_WORK (scratch folder, default /tmp/socit-bench).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
data=${BENCH_DATA:-bench/data}
work=${BENCH_WORK:-/tmp/socit-bench}

if [[ ! -x /usr/bin/chromium ]]; then
  echo "bench: the interaction, circuit and matrix benchmarks need Debian's chromium: apt-get install -y chromium" >&2
  exit 1
fi

echo "Building Release …"
dotnet build -c Release -v quiet -nologo bench/SocItConsole.Bench/SocItConsole.Bench.csproj
rm -rf "$work"
mkdir -p "$data" "$work"

dotnet bench/SocItConsole.Bench/bin/Release/net10.0/SocItConsole.Bench.dll run \
  --app Admin/bin/Release/net10.0 --data "$data" --work "$work" --markdown bench/last-run.md "$@"
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB, $(uname -sr), .NET $(dotnet --version)"
echo "The table is also in bench/last-run.md."
