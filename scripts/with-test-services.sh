#!/usr/bin/env bash
# shellcheck disable=SC2317 # the hook API functions and trap handlers are called indirectly
# Runs one command with the test services up: sources every scripts/test-setup.d/*.sh
# exactly as ./test.sh does (same hook API), runs the command with the MESSAGETRACE_*
# variables the hooks exported, then runs the hooks' cleanups and exits with the command's
# exit code. Without a command it opens an interactive shell, and stops the services when
# that shell exits.
#
#   scripts/with-test-services.sh dotnet test tests/MessageTrace.EndToEnd.Tests
#   scripts/with-test-services.sh            # a shell with brokers and the OTLP backend up
#
# Server logs go to artifacts/test-services/logs (emptied at each start) unless
# MESSAGETRACE_LOG_DIR is set. ./test.sh does not need this script.
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive
export MESSAGETRACE_ROOT=$ROOT
export MESSAGETRACE_RESULTS_DIR=${MESSAGETRACE_RESULTS_DIR:-$ROOT/artifacts/test-services}
if [[ -z ${MESSAGETRACE_LOG_DIR:-} ]]; then
    export MESSAGETRACE_LOG_DIR=$MESSAGETRACE_RESULTS_DIR/logs
    rm -rf "$MESSAGETRACE_LOG_DIR"
fi
mkdir -p "$MESSAGETRACE_LOG_DIR"

# --- the hook API, as in test.sh --------------------------------------------------------
log() { printf 'with-test-services: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

CLEANUPS=()
on_exit() {
    (($# > 0)) || die "on_exit: no command given"
    if (($# == 1)); then CLEANUPS+=("$1"); else CLEANUPS+=("$(printf '%q ' "$@")"); fi
}

free_port() {
    if have python3; then
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

wait_for_port() {
    local port=$1 timeout=${2:-30} host=${3:-127.0.0.1} deadline
    deadline=$((SECONDS + timeout))
    until (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}

run_cleanups() {
    local i command
    set +e
    for ((i = ${#CLEANUPS[@]} - 1; i >= 0; i--)); do
        command=${CLEANUPS[i]}
        unset 'CLEANUPS[i]'
        eval "$command" || log "warning: cleanup failed (exit $?): $command"
    done
    CLEANUPS=()
}
trap run_cleanups EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# --- set-up, command, cleanup -----------------------------------------------------------
started=$SECONDS
while IFS= read -r hook; do
    log "set-up: $hook"
    # shellcheck source=/dev/null
    source "$hook"
done < <(find scripts/test-setup.d -maxdepth 1 -type f -name '*.sh' | LC_ALL=C sort)
log "services ready after $((SECONDS - started)) s:"
env | grep '^MESSAGETRACE_' | LC_ALL=C sort | sed 's/^/    /' >&2

rc=0
if (($# == 0)); then
    log "starting ${SHELL:-bash}; the services stop when it exits"
    "${SHELL:-bash}" -i || rc=$?
else
    "$@" || rc=$?
fi
exit "$rc"
