# shellcheck shell=bash
# shellcheck disable=SC2016 # on_exit commands are single-quoted on purpose: evaluated at exit
# Set-up hook (sourced by ./test.sh, see README.md here): an OTLP trace backend whose
# traces the tests can read back.
#
# The backend is the standalone Aspire dashboard, a self-contained executable shipped in the
# NuGet package Aspire.Dashboard.Sdk.<rid>. The package is restored once into the normal
# NuGet global packages folder (scripts/aspire-dashboard/AspireDashboardDownload.csproj);
# later runs find it there. It listens on three free 127.0.0.1 ports, with no authentication
# (loopback only). Its HTTP API serves spans and logs, not metrics, so the dashboard is started
# with its run store on disk (persistence mode Run, in a private data directory removed at exit):
# the tests read metric points from that store's SQLite database, read-only. This hook exports:
#
#   MESSAGETRACE_OTLP_ENDPOINT       http://127.0.0.1:PORT  OTLP/gRPC (the .NET OTLP exporter's default protocol)
#   MESSAGETRACE_OTLP_PROTOCOL       grpc
#   MESSAGETRACE_OTLP_HTTP_ENDPOINT  http://127.0.0.1:PORT  OTLP/HTTP protobuf (append /v1/traces)
#   MESSAGETRACE_DASHBOARD_URL       http://127.0.0.1:PORT  UI (/traces) and read API (GET /api/telemetry/traces)
#   MESSAGETRACE_DASHBOARD_DB        PATH/dashboard.db      the dashboard's run store (metric points)
#
# When MESSAGETRACE_OTLP_ENDPOINT and MESSAGETRACE_DASHBOARD_URL are both set already, the
# hook starts nothing. MESSAGETRACE_ASPIRE_DASHBOARD_VERSION overrides the package version.

mt_dashboard_version=${MESSAGETRACE_ASPIRE_DASHBOARD_VERSION:-13.6.5}

# mt_dashboard_http_status PORT PATH: prints the status code of GET http://127.0.0.1:PORT/PATH.
mt_dashboard_http_status() {
    local line
    line=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" &&
        printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n" "$2" "$1" >&3 && head -n 1 <&3' _ "$1" "$2" 2>/dev/null) || return 1
    line=${line#HTTP/* }
    echo "${line%% *}"
}

# mt_dashboard_locate: prints the path of the dashboard executable, restoring its package
# first when the NuGet global packages folder does not hold it yet.
mt_dashboard_locate() {
    local rid packages package exe tmp
    case $(uname -m) in
        x86_64 | amd64) rid=linux-x64 ;;
        aarch64 | arm64) rid=linux-arm64 ;;
        *) die "no Aspire dashboard package for this machine ($(uname -m)); set MESSAGETRACE_OTLP_ENDPOINT and MESSAGETRACE_DASHBOARD_URL to a backend of your own" ;;
    esac
    have dotnet || die "dotnet not found: the .NET SDK is needed to restore the Aspire dashboard package"
    packages=${NUGET_PACKAGES:-}
    if [[ -z $packages ]]; then
        packages=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')
        [[ -n $packages ]] || die "could not find the NuGet global packages folder (dotnet nuget locals global-packages --list)"
    fi
    package="Aspire.Dashboard.Sdk.$rid"
    exe="${packages%/}/${package,,}/$mt_dashboard_version/tools/Aspire.Dashboard"
    if [[ ! -f $exe ]]; then
        log "restoring NuGet package $package $mt_dashboard_version (log in $MESSAGETRACE_LOG_DIR/aspire-dashboard-restore.log)"
        tmp=$(mktemp -d "${TMPDIR:-/tmp}/messagetrace-dashboard-restore.XXXXXX")
        cp "$MESSAGETRACE_ROOT/scripts/aspire-dashboard/AspireDashboardDownload.csproj" "$tmp/"
        if ! dotnet restore "$tmp/AspireDashboardDownload.csproj" \
            -p:AspireDashboardVersion="$mt_dashboard_version" -p:AspireDashboardRid="$rid" \
            >"$MESSAGETRACE_LOG_DIR/aspire-dashboard-restore.log" 2>&1; then
            rm -rf "$tmp"
            die "could not restore the NuGet package $package $mt_dashboard_version, the OTLP backend (see $MESSAGETRACE_LOG_DIR/aspire-dashboard-restore.log)"
        fi
        rm -rf "$tmp"
        [[ -f $exe ]] || die "restored $package $mt_dashboard_version but $exe is missing"
    fi
    if [[ ! -x $exe ]]; then
        chmod +x "$exe" || die "$exe is not executable and chmod +x failed"
    fi
    echo "$exe"
}

mt_dashboard_stop() {
    local i
    kill "$mt_dashboard_pid" 2>/dev/null
    for ((i = 0; i < 50; i++)); do
        kill -0 "$mt_dashboard_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$mt_dashboard_pid" 2>/dev/null
    wait "$mt_dashboard_pid" 2>/dev/null
    rm -rf "$mt_dashboard_home"
}

if [[ -n ${MESSAGETRACE_OTLP_ENDPOINT:-} && -n ${MESSAGETRACE_DASHBOARD_URL:-} ]]; then
    log "OTLP backend: using MESSAGETRACE_OTLP_ENDPOINT=$MESSAGETRACE_OTLP_ENDPOINT and MESSAGETRACE_DASHBOARD_URL=$MESSAGETRACE_DASHBOARD_URL (nothing started)"
elif [[ -n ${MESSAGETRACE_OTLP_ENDPOINT:-} || -n ${MESSAGETRACE_DASHBOARD_URL:-} ]]; then
    die "set both MESSAGETRACE_OTLP_ENDPOINT (OTLP/gRPC) and MESSAGETRACE_DASHBOARD_URL (its Aspire dashboard, whose API the tests read), or neither"
else
    mt_dashboard_started=$SECONDS
    mt_dashboard_exe=$(mt_dashboard_locate)
    mt_dashboard_ui_port=$(free_port)
    mt_dashboard_grpc_port=$(free_port)
    mt_dashboard_http_port=$(free_port)
    # A private HOME: the dashboard writes ASP.NET data-protection keys under it.
    mt_dashboard_home=$(mktemp -d "${TMPDIR:-/tmp}/messagetrace-dashboard.XXXXXX")
    mt_dashboard_log=$MESSAGETRACE_LOG_DIR/aspire-dashboard.log
    # ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS opens the UI, OTLP and the API; without it
    # the API answers 401 (it wants an x-api-key header). Dashboard__Api__AuthMode says the
    # same for the API alone, explicitly.
    (cd "$(dirname "$mt_dashboard_exe")" && exec env \
        HOME="$mt_dashboard_home" \
        ASPNETCORE_URLS="http://127.0.0.1:$mt_dashboard_ui_port" \
        ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$mt_dashboard_grpc_port" \
        ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$mt_dashboard_http_port" \
        ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true \
        ASPIRE_DASHBOARD_PERSISTENCE_MODE=Run \
        ASPIRE_DASHBOARD_DATA_DIRECTORY="$mt_dashboard_home/data" \
        Dashboard__Api__Enabled=true \
        Dashboard__Api__AuthMode=Unsecured \
        DOTNET_CLI_TELEMETRY_OPTOUT=1 \
        "$mt_dashboard_exe") </dev/null >"$mt_dashboard_log" 2>&1 &
    mt_dashboard_pid=$!
    on_exit mt_dashboard_stop
    for mt_dashboard_port in "$mt_dashboard_grpc_port" "$mt_dashboard_http_port" "$mt_dashboard_ui_port"; do
        wait_for_port "$mt_dashboard_port" 30 ||
            die "the Aspire dashboard did not listen on 127.0.0.1:$mt_dashboard_port within 30 s (see $mt_dashboard_log)"
    done
    mt_dashboard_status=$(mt_dashboard_http_status "$mt_dashboard_ui_port" "/api/telemetry/traces?limit=1") || mt_dashboard_status=none
    [[ $mt_dashboard_status == 200 ]] ||
        die "the Aspire dashboard API answered $mt_dashboard_status to GET /api/telemetry/traces, not 200 (see $mt_dashboard_log)"
    # The run store is created at start-up, one directory per run: data/runs/<start time>/.
    mt_dashboard_db=$(find "$mt_dashboard_home/data/runs" -name dashboard.db -print -quit 2>/dev/null)
    [[ -n $mt_dashboard_db ]] ||
        die "the Aspire dashboard created no run store under $mt_dashboard_home/data/runs (see $mt_dashboard_log)"
    export MESSAGETRACE_DASHBOARD_DB=$mt_dashboard_db
    export MESSAGETRACE_OTLP_ENDPOINT="http://127.0.0.1:$mt_dashboard_grpc_port"
    export MESSAGETRACE_OTLP_PROTOCOL=grpc
    export MESSAGETRACE_OTLP_HTTP_ENDPOINT="http://127.0.0.1:$mt_dashboard_http_port"
    export MESSAGETRACE_DASHBOARD_URL="http://127.0.0.1:$mt_dashboard_ui_port"
    log "OTLP backend: Aspire dashboard $mt_dashboard_version (pid $mt_dashboard_pid) ready after $((SECONDS - mt_dashboard_started)) s: OTLP/gRPC $MESSAGETRACE_OTLP_ENDPOINT, UI and API $MESSAGETRACE_DASHBOARD_URL, run store $MESSAGETRACE_DASHBOARD_DB"
fi
