#!/usr/bin/env bash
# shellcheck disable=SC2317 # the [hook API] functions and trap handlers are called indirectly
# MessageTrace: the single test entry point (CI runs it through .ci/run).
#
#   ./test.sh [extra dotnet test options]      e.g. ./test.sh --filter "FullyQualifiedName~Propagation"
#
# 1. builds Generators.sln in Release, once;
# 2. sources every scripts/test-setup.d/*.sh in name order (brokers, OTLP backend, ...;
#    see scripts/test-setup.d/README.md for the contract);
# 3. runs `dotnet test --no-build` for every project in Generators.sln whose path is under
#    tests/ and whose name ends in .Tests, continuing past failures, each writing
#    artifacts/test-results/<project>/<project>.trx;
# 4. runs the cleanups registered with on_exit, in reverse order (also on failure and Ctrl-C);
# 5. prints one summary line per project, then, as the very last line,
#    `N passed, N failed` (`, N skipped` appended when some were skipped).
#
# Exit status: 0 only when the build succeeded, every test project ran and wrote a TRX,
# no test failed, and at least one test passed.
set -euo pipefail
if ((BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] < 404)); then
    printf 'test.sh: needs bash 4.4 or newer, this is %s\n0 passed, 0 failed\n' "$BASH_VERSION"
    exit 2
fi
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive # set-up hooks may apt-get; CI has no terminal

SOLUTION=Generators.sln
SETUP_DIR=scripts/test-setup.d

# Shared with set-up hooks and tests.
export MESSAGETRACE_ROOT=$ROOT
export MESSAGETRACE_RESULTS_DIR=$ROOT/artifacts/test-results
export MESSAGETRACE_LOG_DIR=$MESSAGETRACE_RESULTS_DIR/logs # server logs from set-up hooks

# ---------------------------------------------------------------------------------------
# Helpers. The ones marked [hook API] are part of the contract with scripts/test-setup.d.
# ---------------------------------------------------------------------------------------

log() { printf 'test.sh: %s\n' "$*" >&2; }        # [hook API]
die() { log "error: $*"; exit 1; }                 # [hook API] aborts the run; cleanups still run
have() { command -v "$1" >/dev/null 2>&1; }        # [hook API]

CLEANUPS=()
# [hook API] on_exit COMMAND...
# Registers a cleanup that runs when test.sh ends, however it ends (success, failure, error
# in a hook, Ctrl-C, SIGTERM). Cleanups run in reverse order of registration, each with
# errexit off; a failing cleanup is reported and the rest still run. One argument is kept
# as a shell command string (evaluated at exit: on_exit 'kill "$NATS_PID"'); several are
# quoted word by word (on_exit rm -rf "$dir"). Must be called in the main shell, not in
# $(...) or a pipeline, or the registration is lost.
on_exit() {
    (($# > 0)) || die "on_exit: no command given"
    if (($# == 1)); then
        CLEANUPS+=("$1")
    else
        local quoted
        quoted=$(printf '%q ' "$@")
        CLEANUPS+=("$quoted")
    fi
}

run_cleanups() {
    local i command
    for ((i = ${#CLEANUPS[@]} - 1; i >= 0; i--)); do
        command=${CLEANUPS[i]}
        unset 'CLEANUPS[i]'
        eval "$command" || log "warning: cleanup failed (exit $?): $command"
    done
    CLEANUPS=()
}

# [hook API] free_port: prints a TCP port that is free on 127.0.0.1 right now.
free_port() {
    if have python3 && python3 -c '' 2>/dev/null; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
        return
    fi
    local port tries
    for ((tries = 0; tries < 200; tries++)); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    die "free_port: no free port found"
}

# [hook API] wait_for_port PORT [TIMEOUT_SECONDS=30] [HOST=127.0.0.1]
# Returns 0 as soon as HOST:PORT accepts a TCP connection, 1 after the timeout.
wait_for_port() {
    local port=$1 timeout=${2:-30} host=${3:-127.0.0.1} deadline
    deadline=$((SECONDS + timeout))
    until (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}

# ---------------------------------------------------------------------------------------
# Bookkeeping and the single exit path.
# ---------------------------------------------------------------------------------------

STAGE="start-up"     # what the script is doing; named in the message if it aborts
FINISHED=0
BUILD_OK=0
TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
PROJECT_LINES=()     # one readable summary line per test project
FAILED_PROJECTS=()
REASONS=()           # why the run failed, printed right above the final line

# finish EXIT_CODE: runs the cleanups, prints the summary and exits. Everything ends here,
# so that the `N passed, N failed` line is always the last line printed.
finish() {
    local rc=$1 line final
    set +e
    FINISHED=1
    trap - INT TERM HUP
    run_cleanups
    echo
    echo "Test summary:"
    if ((${#PROJECT_LINES[@]} == 0)); then
        echo "  (no test project ran)"
    else
        for line in "${PROJECT_LINES[@]}"; do echo "  $line"; done
    fi
    for line in "${REASONS[@]}"; do echo "test.sh: FAILED: $line"; done
    final="$TOTAL_PASSED passed, $TOTAL_FAILED failed"
    if ((TOTAL_SKIPPED > 0)); then final+=", $TOTAL_SKIPPED skipped"; fi
    echo "$final"
    exit "$rc"
}

on_exit_trap() {
    local rc=$?
    ((FINISHED)) && return
    ((rc != 0)) || rc=1 # nothing may end the script early and still look successful
    REASONS+=("aborted during $STAGE (exit code $rc)")
    finish "$rc"
}
trap on_exit_trap EXIT
trap 'STAGE="$STAGE, interrupted"; exit 130' INT
trap 'STAGE="$STAGE, terminated"; exit 143' TERM
trap 'STAGE="$STAGE, hung up"; exit 129' HUP

# ---------------------------------------------------------------------------------------
# Steps.
# ---------------------------------------------------------------------------------------

build() {
    STAGE="build of $SOLUTION"
    echo "==> dotnet build $SOLUTION -c Release"
    if dotnet build "$SOLUTION" -c Release; then
        BUILD_OK=1
    else
        REASONS+=("dotnet build $SOLUTION -c Release failed (see the errors above); no tests ran")
    fi
}

# ======================= HOOK POINT: test set-up ===========================
# Every scripts/test-setup.d/*.sh is sourced here, in C-locale name order (use numeric
# prefixes: 10-nats.sh, 20-rabbitmq.sh, 50-otlp-backend.sh). Each runs in this shell under
# `set -euo pipefail`: a failing command aborts the run, which still runs the cleanups and
# names the hook. See scripts/test-setup.d/README.md.
run_setup_hooks() {
    local hooks=() hook
    [[ -d $SETUP_DIR ]] || return 0
    mapfile -t hooks < <(find "$SETUP_DIR" -maxdepth 1 -type f -name '*.sh' | LC_ALL=C sort)
    mkdir -p "$MESSAGETRACE_LOG_DIR"
    for hook in "${hooks[@]}"; do
        STAGE="set-up hook $hook"
        echo "==> set-up: $hook"
        # shellcheck source=/dev/null
        source "$hook"
    done
    STAGE="tests"
}
# ===========================================================================

# Test projects: listed in the solution, under tests/, name ending in .Tests.
discover_test_projects() {
    local listing line path name
    STAGE="listing the projects of $SOLUTION"
    listing=$(dotnet sln "$SOLUTION" list)
    TEST_PROJECTS=()
    while IFS= read -r line; do
        path=${line%$'\r'}
        path=${path//\\//}
        case $path in
            tests/*.csproj | tests/*.fsproj | tests/*.vbproj) ;;
            *) continue ;;
        esac
        name=${path##*/}
        name=${name%.*}
        if [[ $name == *.Tests ]]; then
            TEST_PROJECTS+=("$path")
        fi
    done <<<"$listing"
}

# run_project PATH [extra dotnet test options]
run_project() {
    local path=$1 name dir rc=0 started seconds trx_files=() trx counts
    shift
    name=${path##*/}
    name=${name%.*}
    dir=$MESSAGETRACE_RESULTS_DIR/$name
    STAGE="tests of $name"
    echo
    echo "==> dotnet test $path"
    started=$SECONDS
    dotnet test "$path" --no-build -c Release \
        --logger "trx;LogFileName=$name.trx" --results-directory "$dir" "$@" || rc=$?
    seconds=$((SECONDS - started))

    # Normally one TRX; a multi-targeted project may write one per target framework.
    if [[ -d $dir ]]; then
        mapfile -t trx_files < <(find "$dir" -type f -name '*.trx' | LC_ALL=C sort)
    fi
    if ((${#trx_files[@]} == 0)); then
        PROJECT_LINES+=("$(printf 'FAIL  %-44s no TRX written: the test run crashed or never started (dotnet test exit code %d, %ds)' "$name" "$rc" "$seconds")")
        FAILED_PROJECTS+=("$name")
        REASONS+=("$name: the test run crashed or never started, no TRX in ${dir#"$ROOT"/}")
        return
    fi

    local passed=0 failed=0 skipped=0 p f s _
    for trx in "${trx_files[@]}"; do
        if ! counts=$(bash "$ROOT/scripts/trx-counters.sh" "$trx"); then
            PROJECT_LINES+=("$(printf 'FAIL  %-44s unreadable TRX: %s' "$name" "${trx#"$ROOT"/}")")
            FAILED_PROJECTS+=("$name")
            REASONS+=("$name: could not read the counters of ${trx#"$ROOT"/}")
            return
        fi
        read -r p f s _ <<<"$counts"
        passed=$((passed + p))
        failed=$((failed + f))
        skipped=$((skipped + s))
    done
    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
    TOTAL_SKIPPED=$((TOTAL_SKIPPED + skipped))

    local counts_text="$passed passed, $failed failed" verdict=PASS note=""
    if ((skipped > 0)); then counts_text+=", $skipped skipped"; fi
    if ((failed > 0)); then
        verdict=FAIL
    elif ((rc != 0)); then
        verdict=FAIL
        note=" - run aborted, dotnet test exit code $rc"
        REASONS+=("$name: dotnet test exited with code $rc but its TRX records no failed test (aborted run or test host crash: see its output above)")
    fi
    if [[ $verdict == FAIL ]]; then FAILED_PROJECTS+=("$name"); fi
    PROJECT_LINES+=("$(printf '%s  %-44s %s (%ds)%s' "$verdict" "$name" "$counts_text" "$seconds" "$note")")
}

# ---------------------------------------------------------------------------------------
# Main.
# ---------------------------------------------------------------------------------------

rm -rf "$MESSAGETRACE_RESULTS_DIR"
mkdir -p "$MESSAGETRACE_RESULTS_DIR"

build
((BUILD_OK)) || finish 1

discover_test_projects
if ((${#TEST_PROJECTS[@]} == 0)); then
    REASONS+=("no tests ran: $SOLUTION lists no project under tests/ whose name ends in .Tests")
    finish 1
fi
echo
echo "==> test projects: ${TEST_PROJECTS[*]}"

run_setup_hooks

for project in "${TEST_PROJECTS[@]}"; do
    run_project "$project" "$@"
done
STAGE="summary"

if ((${#FAILED_PROJECTS[@]} > 0)); then
    REASONS+=("test projects with failures: ${FAILED_PROJECTS[*]}")
fi
if ((TOTAL_PASSED == 0)); then
    REASONS+=("no tests ran: 0 tests passed across ${#TEST_PROJECTS[@]} test project(s)")
fi
if ((${#REASONS[@]} > 0)); then
    finish 1
fi
finish 0
