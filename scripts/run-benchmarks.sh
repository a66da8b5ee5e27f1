#!/usr/bin/env bash
# MessageTrace benchmarks (issue 8): a short pass in Release that writes docs/benchmarks.md.
#
#   scripts/run-benchmarks.sh                      # everything, about 10-15 minutes on 2 cores
#   scripts/run-benchmarks.sh --filter '*Consumer*' # a subset (any BenchmarkDotNet option is passed on)
#   scripts/run-benchmarks.sh --reuse              # no measuring: rebuild docs/benchmarks.md from the
#                                                  # last run's artifacts (after editing report-notes.md
#                                                  # or the report code)
#
# Steps:
#   1. dotnet build tests/MessageTrace.Benchmarks -c Release (warnings are errors);
#   2. verify:    each Generated and HandWritten variant once per scenario, their spans and headers compared;
#   3. generator: the generator on a synthetic project of 1,000 sends and 1,000 handlers, cold and
#                 after an unrelated edit (timings and step reasons);
#   4. runtime:   the BenchmarkDotNet comparisons (Bare / Generated / HandWritten, S1-S4, producer and
#                 consumer, string and byte[] headers, tracestate absent and present), the S4 floors
#                 and the isolated hot-path helpers, one process per case ("Quick" job: 3 warm-up and
#                 10 measured iterations of ~120 ms; pass --job short or any --job to override);
#   5. interleaved: issue 14's four S4 comparisons again, the three variants taking turns in one process
#                 per case (the VM's speed differs between processes; see Interleaved/InterleavedComparison.cs);
#   6. docs/benchmarks.md from the pieces, with the machine, the exact commands and the wall time.
#
# Raw output: artifacts/benchmarks/ (BenchmarkDotNet logs and reports under bdn/).
# Timings are only as good as the machine is quiet: the load average before and after the run is
# written into the report. Allocations (bytes per operation) do not depend on load.
#
# Environment:
#   BENCH_NICE=N   run the measuring processes under `nice -n N` (e.g. -10, needs root): on a machine
#                  shared with builds and test runs this keeps the benchmark processes on a CPU and
#                  shrinks the confidence intervals several-fold. Other processes are left alone.
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PROJECT=tests/MessageTrace.Benchmarks/MessageTrace.Benchmarks.csproj
DLL=tests/MessageTrace.Benchmarks/bin/Release/net10.0/MessageTrace.Benchmarks.dll
NOTES=tests/MessageTrace.Benchmarks/report-notes.md
OUT=$ROOT/artifacts/benchmarks
DOC=docs/benchmarks.md

log() { printf 'run-benchmarks: %s\n' "$*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
elapsed() { local s=$1; printf '%dm%02ds' $((s / 60)) $((s % 60)); }

REUSE=0
if [[ ${1:-} == --reuse ]]; then
    REUSE=1
    shift
    if [[ ! -s $OUT/run-info.sh || ! -s $OUT/runtime.md.json ]]; then
        log "--reuse: no complete earlier run in $OUT"
        exit 1
    fi
    # shellcheck source=/dev/null
    source "$OUT/run-info.sh" # the earlier run's arguments, times, load, exit codes and BENCH_NICE
    set -- "${RUN_ARGS[@]}"
fi

PRIORITY=()
if [[ -n ${BENCH_NICE:-} ]]; then
    PRIORITY=(nice -n "$BENCH_NICE")
fi

BUILD_CMD=(dotnet build "$PROJECT" -c Release)
VERIFY_CMD=(dotnet "$DLL" verify "$OUT/verify.md")
GENERATOR_CMD=("${PRIORITY[@]}" dotnet "$DLL" generator "$OUT/generator.md")
RUNTIME_CMD=("${PRIORITY[@]}" dotnet "$DLL" runtime --report "$OUT/runtime.md" --artifacts "$OUT/bdn" "$@")
INTERLEAVED_CMD=("${PRIORITY[@]}" dotnet "$DLL" interleaved "$OUT/interleaved.md")

if ((REUSE)); then
    log "reusing the run of $START_DATE: ${BUILD_CMD[*]}, then rendering $OUT/runtime.md.json again"
    if ! "${BUILD_CMD[@]}" >"$OUT/build-reuse.log" 2>&1; then
        log "build failed (see $OUT/build-reuse.log)"
        exit 1
    fi
    dotnet "$DLL" report "$OUT/runtime.md.json" "$OUT/runtime.md"
else
    RUN_ARGS=("$@")
    rm -rf "$OUT"
    mkdir -p "$OUT"
    STARTED=$SECONDS
    START_DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
    LOAD_BEFORE=$(load)
    commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    dirty=$(git status --porcelain -- runtime generator 2>/dev/null | wc -l | tr -d ' ')

    log "1/5 ${BUILD_CMD[*]}"
    if ! "${BUILD_CMD[@]}" >"$OUT/build.log" 2>&1; then
        grep -E ' error |warning' "$OUT/build.log" | sort -u >&2 || true
        log "build failed (see $OUT/build.log)"
        exit 1
    fi
    grep -E 'Warning\(s\)|Error\(s\)|Elapsed' "$OUT/build.log" >&2 || true
    BUILD_SECONDS=$((SECONDS - STARTED))

    # The differences verify lists are expected and documented; its exit code only says there were some.
    log "2/5 ${VERIFY_CMD[*]}"
    step=$SECONDS
    VERIFY_RC=0
    "${VERIFY_CMD[@]}" >"$OUT/verify.log" 2>&1 || VERIFY_RC=$?
    if [[ ! -s $OUT/verify.md ]]; then
        log "verify wrote nothing (exit code $VERIFY_RC, see $OUT/verify.log)"
        exit 1
    fi
    VERIFY_SECONDS=$((SECONDS - step))

    log "3/5 ${GENERATOR_CMD[*]}"
    step=$SECONDS
    GENERATOR_RC=0
    "${GENERATOR_CMD[@]}" >"$OUT/generator.log" 2>&1 || GENERATOR_RC=$?
    if [[ ! -s $OUT/generator.md ]]; then
        log "the generator timing wrote nothing (exit code $GENERATOR_RC, see $OUT/generator.log)"
        exit 1
    fi
    GENERATOR_SECONDS=$((SECONDS - step))

    log "4/5 ${RUNTIME_CMD[*]}"
    step=$SECONDS
    RUNTIME_RC=0
    "${RUNTIME_CMD[@]}" >"$OUT/runtime.log" 2>&1 || RUNTIME_RC=$?
    if [[ ! -s $OUT/runtime.md ]]; then
        log "the runtime benchmarks wrote no report (exit code $RUNTIME_RC, see $OUT/runtime.log)"
        exit 1
    fi
    RUNTIME_SECONDS=$((SECONDS - step))
    grep -E '^Global total time|^Run time' "$OUT/runtime.log" >&2 || true

    log "5/5 ${INTERLEAVED_CMD[*]}"
    step=$SECONDS
    INTERLEAVED_RC=0
    "${INTERLEAVED_CMD[@]}" >"$OUT/interleaved.log" 2>&1 || INTERLEAVED_RC=$?
    if [[ ! -s $OUT/interleaved.md ]]; then
        log "the interleaved comparison wrote nothing (exit code $INTERLEAVED_RC, see $OUT/interleaved.log)"
        exit 1
    fi
    INTERLEAVED_SECONDS=$((SECONDS - step))

    TOTAL_SECONDS=$((SECONDS - STARTED))
    LOAD_AFTER=$(load)
    BENCH_NICE=${BENCH_NICE:-}
    declare -p RUN_ARGS START_DATE LOAD_BEFORE LOAD_AFTER TOTAL_SECONDS BUILD_SECONDS VERIFY_SECONDS \
        GENERATOR_SECONDS RUNTIME_SECONDS INTERLEAVED_SECONDS VERIFY_RC GENERATOR_RC RUNTIME_RC INTERLEAVED_RC commit dirty BENCH_NICE >"$OUT/run-info.sh"
fi

# --- machine ------------------------------------------------------------------------------
cpu_model=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
cpu_mhz=$(lscpu | sed -n 's/^CPU max MHz:[[:space:]]*//p;s/^CPU MHz:[[:space:]]*//p' | head -1)
hypervisor=$(lscpu | sed -n 's/^Hypervisor vendor:[[:space:]]*//p' | head -1)
memory=$(free -h | awk '/^Mem:/ {print $2}')
os=$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release)
kernel=$(uname -sr)
sdk=$(dotnet --version)
runtime=$(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {print $2}' | sort -V | tail -1)
bdn=$(sed -n 's/.*PackageVersion Include="BenchmarkDotNet" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
otel=$(sed -n 's/.*PackageVersion Include="OpenTelemetry" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
bdn_env=$(grep -m1 -E '^BenchmarkDotNet v' "$OUT/runtime.log" || true)
bdn_host=$(grep -m1 -E '^\s+\[Host\]' "$OUT/runtime.log" | sed 's/^[[:space:]]*//' || true)
if [[ -n ${BENCH_NICE:-} ]]; then
    priority_text="nice -n $BENCH_NICE (BENCH_NICE): the benchmark processes got the CPU before other work"
else
    priority_text="default (BENCH_NICE unset)"
fi

quote() { local out="" a; for a in "$@"; do out+="$(printf '%q' "$a") "; done; printf '%s' "${out% }"; }
rel() { sed "s#$ROOT/##g"; }

{
    echo "# Benchmarks: generated tracing vs bare calls vs hand-written OpenTelemetry code"
    echo
    echo "Issue 8. Written by \`scripts/run-benchmarks.sh\` on $START_DATE (commit $commit$( ((dirty > 0)) && echo ", with $dirty uncommitted file(s) under runtime/ and generator/")); do not edit by hand:"
    echo "re-run the script. Total wall time: $(elapsed "$TOTAL_SECONDS") (build $(elapsed "$BUILD_SECONDS"), verify $(elapsed "$VERIFY_SECONDS"), generator $(elapsed "$GENERATOR_SECONDS"), BenchmarkDotNet $(elapsed "$RUNTIME_SECONDS"), interleaved $(elapsed "${INTERLEAVED_SECONDS:-0}"))."
    echo
    echo "## Machine"
    echo
    echo "| | |"
    echo "|---|---|"
    echo "| CPU | $cpu_model${cpu_mhz:+, $cpu_mhz MHz}${hypervisor:+ ($hypervisor guest)} |"
    echo "| cores (\`nproc\`) | $(nproc) |"
    echo "| memory | $memory |"
    echo "| OS | $os, $kernel |"
    echo "| .NET | SDK $sdk, runtime $runtime |"
    echo "| BenchmarkDotNet | $bdn${bdn_env:+ (\`$bdn_env\`)} |"
    echo "| BenchmarkDotNet host | ${bdn_host:-n/a} |"
    echo "| OpenTelemetry SDK | $otel |"
    echo "| load average (1, 5, 15 min) | before: $LOAD_BEFORE; after: $LOAD_AFTER |"
    echo "| priority of the measuring processes | $priority_text |"
    echo
    echo "The load average counts runnable processes; on 2 cores anything well above 2 means the benchmark"
    echo "processes shared the CPUs with other work, which inflates and scatters every time below (the"
    echo "± columns show by how much). Allocated bytes per operation are exact whatever the load."
    echo
    echo "## Commands"
    echo
    echo '```sh'
    echo "${BENCH_NICE:+BENCH_NICE=$BENCH_NICE }scripts/run-benchmarks.sh $(quote "$@")"
    echo "# which runs, from the repository root:"
    quote "${BUILD_CMD[@]}" | rel; echo
    quote "${VERIFY_CMD[@]}" | rel; echo
    quote "${GENERATOR_CMD[@]}" | rel; echo
    quote "${RUNTIME_CMD[@]}" | rel; echo
    quote "${INTERLEAVED_CMD[@]}" | rel; echo
    echo '```'
    echo
    if ((REUSE)); then
        echo "This document was assembled again from that run's saved results on $(date -u '+%Y-%m-%d %H:%M UTC') (\`scripts/run-benchmarks.sh --reuse\`): the numbers are the run's."
        echo
    fi
    echo "Exit codes: verify $VERIFY_RC (3 = differences listed below), generator $GENERATOR_RC (0 = all checks passed), BenchmarkDotNet $RUNTIME_RC (0 = every case ran), interleaved ${INTERLEAVED_RC:-n/a} (0 = every case ran and passed its checks)."
    echo
    cat "$NOTES"
    echo
    echo "## Results"
    echo
    rel <"$OUT/runtime.md"
    echo
    echo "### S4 with the variants taking turns in one process (issue 14's four comparisons)"
    echo
    if [[ -s $OUT/interleaved.md ]]; then
        rel <"$OUT/interleaved.md"
    else
        echo "(not in this run)"
    fi
    echo
    echo "## Generator"
    echo
    rel <"$OUT/generator.md"
    echo
    echo "## Equivalence of Generated and HandWritten (verify)"
    echo
    rel <"$OUT/verify.md"
    echo
    echo "## BenchmarkDotNet's own tables"
    echo
    echo "<details><summary>As BenchmarkDotNet printed them (Error = half of the 99.9% confidence interval)</summary>"
    echo
    for report in "$OUT"/bdn/results/*-report-github.md; do
        [[ -e $report ]] || continue
        echo "#### $(basename "$report" -report-github.md | sed 's/^MessageTrace\.Benchmarks\.Benchmarks\.//')"
        echo
        sed -n '/^|/p' "$report"
        echo
    done
    echo "</details>"
} >"$DOC"

log "wrote $DOC in $(elapsed "$TOTAL_SECONDS") (load average before: $LOAD_BEFORE, after: $LOAD_AFTER)"
if ((GENERATOR_RC != 0 || RUNTIME_RC != 0 || ${INTERLEAVED_RC:-0} != 0)); then
    log "some checks failed: generator exit code $GENERATOR_RC, BenchmarkDotNet exit code $RUNTIME_RC, interleaved exit code ${INTERLEAVED_RC:-n/a}"
    exit 1
fi
