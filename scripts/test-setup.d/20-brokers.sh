# shellcheck shell=bash
# shellcheck disable=SC2016 # on_exit commands are single-quoted on purpose: evaluated at exit
# Set-up hook (sourced by ./test.sh, see README.md here): NATS and RabbitMQ on loopback.
#
# Installs the Debian packages nats-server and rabbitmq-server when their programs are
# missing, starts one private server of each on free 127.0.0.1 ports, waits until each one
# serves its protocol, and exports:
#
#   MESSAGETRACE_NATS_URL          nats://127.0.0.1:PORT
#   MESSAGETRACE_RABBITMQ_HOST     127.0.0.1
#   MESSAGETRACE_RABBITMQ_PORT     PORT (AMQP 0-9-1, user guest/guest, vhost /)
#   MESSAGETRACE_RABBITMQ_URI      amqp://guest:guest@127.0.0.1:PORT/
#
# A broker whose variable is already set (MESSAGETRACE_NATS_URL; MESSAGETRACE_RABBITMQ_URI
# or MESSAGETRACE_RABBITMQ_PORT) is left alone: nothing is installed or started for it.
#
# The RabbitMQ node is isolated from any RabbitMQ installed or running on the machine: its
# own node name, AMQP port, distribution port and epmd port, its own HOME (Erlang cookie),
# config, enabled-plugins (none: no management plugin) and data directories under a temp
# dir, and its logs under $MESSAGETRACE_LOG_DIR/rabbitmq. It runs as the calling user
# through /usr/lib/rabbitmq/bin, not through the /usr/sbin wrapper that switches to the
# rabbitmq user. Cleanups stop exactly what this hook started.

# mt_brokers_find PROGRAM: prints the path of PROGRAM (PATH first, then the Debian
# locations that are not on a non-root PATH), or fails.
mt_brokers_find() {
    local dir
    if command -v "$1" 2>/dev/null; then return 0; fi
    for dir in /usr/sbin /sbin /usr/lib/rabbitmq/bin; do
        if [[ -x $dir/$1 ]]; then
            echo "$dir/$1"
            return 0
        fi
    done
    return 1
}

# mt_brokers_install PACKAGE...: apt-get install, once, or die naming what is missing.
mt_brokers_install() {
    local why=""
    if ((EUID != 0)); then
        why="not running as root"
    elif ! have apt-get; then
        why="apt-get is not available"
    fi
    if [[ -n $why ]]; then
        die "missing Debian package(s): $* ($why, so they cannot be installed here). Install them (apt-get install $*), or point the tests at running brokers with MESSAGETRACE_NATS_URL and MESSAGETRACE_RABBITMQ_URI"
    fi
    local started=$SECONDS
    log "installing $* (apt-get; log in $MESSAGETRACE_LOG_DIR/apt-get.log)"
    {
        apt-get -o DPkg::Lock::Timeout=120 update &&
            apt-get -o DPkg::Lock::Timeout=120 install -y --no-install-recommends "$@"
    } >>"$MESSAGETRACE_LOG_DIR/apt-get.log" 2>&1 ||
        die "apt-get install $* failed (see $MESSAGETRACE_LOG_DIR/apt-get.log)"
    log "installed $* in $((SECONDS - started)) s"
}

mt_brokers_packages=()
if [[ -z ${MESSAGETRACE_NATS_URL:-} ]] && ! mt_brokers_find nats-server >/dev/null; then
    mt_brokers_packages+=(nats-server)
fi
if [[ -z ${MESSAGETRACE_RABBITMQ_URI:-}${MESSAGETRACE_RABBITMQ_PORT:-} ]] &&
    ! [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server && -x /usr/lib/rabbitmq/bin/rabbitmqctl ]]; then
    mt_brokers_packages+=(rabbitmq-server)
fi
if ((${#mt_brokers_packages[@]} > 0)); then
    mt_brokers_install "${mt_brokers_packages[@]}"
fi

# --- NATS ------------------------------------------------------------------------------
if [[ -n ${MESSAGETRACE_NATS_URL:-} ]]; then
    log "NATS: using MESSAGETRACE_NATS_URL=$MESSAGETRACE_NATS_URL (nothing started)"
else
    mt_nats_bin=$(mt_brokers_find nats-server) || die "nats-server not found after installing the Debian package nats-server"
    mt_nats_port=$(free_port)
    mt_nats_log=$MESSAGETRACE_LOG_DIR/nats-server.log
    # JetStream on, its streams in a directory of this run (the NATS tests publish to and consume from streams).
    mt_nats_store=$(mktemp -d "${TMPDIR:-/tmp}/messagetrace-nats.XXXXXX")
    on_exit 'rm -rf "$mt_nats_store"'
    "$mt_nats_bin" -a 127.0.0.1 -p "$mt_nats_port" -js -sd "$mt_nats_store" </dev/null >"$mt_nats_log" 2>&1 &
    mt_nats_pid=$!
    on_exit 'kill "$mt_nats_pid" 2>/dev/null; wait "$mt_nats_pid" 2>/dev/null; true'
    if ! wait_for_port "$mt_nats_port" 15; then
        die "nats-server did not listen on 127.0.0.1:$mt_nats_port within 15 s (see $mt_nats_log)"
    fi
    # The INFO line is the first thing a NATS server sends: proof it speaks NATS.
    mt_nats_info=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"; head -c 4 <&3' _ "$mt_nats_port" 2>/dev/null) || true
    [[ $mt_nats_info == INFO ]] || die "nats-server on 127.0.0.1:$mt_nats_port did not greet with INFO (see $mt_nats_log)"
    export MESSAGETRACE_NATS_URL="nats://127.0.0.1:$mt_nats_port"
    log "NATS: nats-server pid $mt_nats_pid on $MESSAGETRACE_NATS_URL"
fi

# --- RabbitMQ --------------------------------------------------------------------------
# mt_rabbit_ctl ARGS...: rabbitmqctl against our node, with our cookie and epmd.
mt_rabbit_ctl() {
    timeout 90 env "${mt_rabbit_env[@]}" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$mt_rabbit_node" "$@"
}

# mt_rabbit_amqp_ready: true when the node answers the AMQP 0-9-1 protocol header with a
# method frame (connection.start), i.e. it accepts AMQP connections now.
mt_rabbit_amqp_ready() {
    local first
    first=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf "AMQP\0\0\11\1" >&3 && head -c 1 <&3 | od -An -tx1' \
        _ "$mt_rabbit_port" 2>/dev/null) || return 1
    [[ ${first// /} == 01 ]]
}

# mt_rabbit_stop: stops the node started below, then its private epmd, then removes its
# temp dir. Falls back to SIGKILL when rabbitmqctl cannot stop it within 10 s.
mt_rabbit_stop() {
    local i vm_pid
    vm_pid=$(cat "$mt_rabbit_dir/rabbit.pid" 2>/dev/null) || vm_pid=""
    if kill -0 "$mt_rabbit_pid" 2>/dev/null; then
        mt_rabbit_ctl stop >>"$mt_rabbit_log" 2>&1 ||
            log "warning: rabbitmqctl stop failed for $mt_rabbit_node (see $mt_rabbit_log)"
        for ((i = 0; i < 100; i++)); do
            kill -0 "$mt_rabbit_pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$mt_rabbit_pid" 2>/dev/null; then
            log "warning: RabbitMQ node $mt_rabbit_node (pid $mt_rabbit_pid) did not stop, killing it"
            kill -KILL "$mt_rabbit_pid" ${vm_pid:+"$vm_pid"} 2>/dev/null
        fi
    fi
    wait "$mt_rabbit_pid" 2>/dev/null
    # Our node started this epmd on its private port; no other node uses that port.
    env "${mt_rabbit_env[@]}" "$mt_rabbit_epmd" -kill >/dev/null 2>&1 || true
    rm -rf "$mt_rabbit_dir"
}

if [[ -n ${MESSAGETRACE_RABBITMQ_URI:-} || -n ${MESSAGETRACE_RABBITMQ_PORT:-} ]]; then
    log "RabbitMQ: using the broker at ${MESSAGETRACE_RABBITMQ_URI:-${MESSAGETRACE_RABBITMQ_HOST:-127.0.0.1}:$MESSAGETRACE_RABBITMQ_PORT} (nothing started)"
else
    mt_rabbit_epmd=$(mt_brokers_find epmd) ||
        die "epmd not found (Debian package erlang-base, a dependency of rabbitmq-server): reinstall rabbitmq-server"
    mt_rabbit_dir=$(mktemp -d "${TMPDIR:-/tmp}/messagetrace-rabbitmq.XXXXXX")
    mt_rabbit_port=$(free_port)
    mt_rabbit_dist_port=$(free_port)
    mt_rabbit_epmd_port=$(free_port)
    mt_rabbit_ctl_port=$(free_port)
    mt_rabbit_node="messagetrace-$mt_rabbit_port@localhost"
    mt_rabbit_log=$MESSAGETRACE_LOG_DIR/rabbitmq-server.log
    mkdir -p "$mt_rabbit_dir/home" "$mt_rabbit_dir/mnesia" "$MESSAGETRACE_LOG_DIR/rabbitmq"
    : >"$mt_rabbit_dir/rabbitmq-env.conf"        # used instead of /etc/rabbitmq/rabbitmq-env.conf
    echo '[].' >"$mt_rabbit_dir/enabled_plugins" # no plugins, so no management listener
    printf '%s\n' \
        "listeners.tcp.default = 127.0.0.1:$mt_rabbit_port" \
        'loopback_users.guest = true' \
        'log.console = false' \
        'log.file.level = info' >"$mt_rabbit_dir/rabbitmq.conf"
    mt_rabbit_loopback='-kernel inet_dist_use_interface {127,0,0,1}'
    mt_rabbit_env=(
        "HOME=$mt_rabbit_dir/home" # the Erlang cookie is created here, private to this node
        "ERL_EPMD_ADDRESS=127.0.0.1"
        "ERL_EPMD_PORT=$mt_rabbit_epmd_port"
        "RABBITMQ_NODENAME=$mt_rabbit_node"
        "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1"
        "RABBITMQ_NODE_PORT=$mt_rabbit_port"
        "RABBITMQ_DIST_PORT=$mt_rabbit_dist_port"
        "RABBITMQ_CTL_DIST_PORT_MIN=$mt_rabbit_ctl_port"
        "RABBITMQ_CTL_DIST_PORT_MAX=$((mt_rabbit_ctl_port + 10 > 65535 ? 65535 : mt_rabbit_ctl_port + 10))"
        "RABBITMQ_CONF_ENV_FILE=$mt_rabbit_dir/rabbitmq-env.conf"
        "RABBITMQ_CONFIG_FILE=$mt_rabbit_dir/rabbitmq.conf"
        "RABBITMQ_ADVANCED_CONFIG_FILE=$mt_rabbit_dir/advanced.config"
        "RABBITMQ_ENABLED_PLUGINS_FILE=$mt_rabbit_dir/enabled_plugins"
        "RABBITMQ_MNESIA_BASE=$mt_rabbit_dir/mnesia"
        "RABBITMQ_PID_FILE=$mt_rabbit_dir/rabbit.pid"
        "RABBITMQ_LOG_BASE=$MESSAGETRACE_LOG_DIR/rabbitmq"
        "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=$mt_rabbit_loopback"
        "RABBITMQ_CTL_ERL_ARGS=$mt_rabbit_loopback"
    )
    mt_rabbit_started=$SECONDS
    # A foreground server in the background rather than -detached, so that $! stays ours
    # until the VM exits (the VM's own pid lands in rabbit.pid, for the SIGKILL fallback).
    (cd "$mt_rabbit_dir" && exec env "${mt_rabbit_env[@]}" /usr/lib/rabbitmq/bin/rabbitmq-server) \
        </dev/null >"$mt_rabbit_log" 2>&1 &
    mt_rabbit_pid=$!
    on_exit mt_rabbit_stop
    # Ready means: the node answers an AMQP handshake (the port alone could open before the
    # broker accepts connections). Boot takes ~10 s here; allow 90.
    until mt_rabbit_amqp_ready; do
        kill -0 "$mt_rabbit_pid" 2>/dev/null ||
            die "rabbitmq-server exited during start-up (see $mt_rabbit_log and $MESSAGETRACE_LOG_DIR/rabbitmq/)"
        ((SECONDS - mt_rabbit_started < 90)) ||
            die "rabbitmq-server did not answer an AMQP handshake on 127.0.0.1:$mt_rabbit_port within 90 s (see $mt_rabbit_log)"
        sleep 0.2
    done
    export MESSAGETRACE_RABBITMQ_HOST=127.0.0.1
    export MESSAGETRACE_RABBITMQ_PORT=$mt_rabbit_port
    export MESSAGETRACE_RABBITMQ_URI="amqp://guest:guest@127.0.0.1:$mt_rabbit_port/"
    log "RabbitMQ: node $mt_rabbit_node (pid $mt_rabbit_pid) ready on 127.0.0.1:$mt_rabbit_port after $((SECONDS - mt_rabbit_started)) s"
fi
