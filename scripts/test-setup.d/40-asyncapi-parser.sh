# shellcheck shell=bash
# Set-up hook (sourced by ./test.sh, see README.md here): the reference AsyncAPI parser,
# @asyncapi/parser (version pinned in scripts/asyncapi/package.json and package-lock.json), with which
# the tests validate the AsyncAPI documents MessageTrace generates (issue 18).
#
# Installs it into scripts/asyncapi/node_modules with `npm ci` when it is not there yet (node and npm
# must be on PATH; on Debian they are installed from the distribution when missing and this runs as root).
# Exports:
#
#   MESSAGETRACE_ASYNCAPI_VALIDATOR   path of scripts/asyncapi/validate.mjs (node validate.mjs FILE...)

mt_asyncapi_dir=$MESSAGETRACE_ROOT/scripts/asyncapi

if ! have node || ! have npm; then
    if [[ $(id -u) == 0 ]] && have apt-get; then
        log "installing nodejs and npm (apt-get) for the AsyncAPI parser"
        apt-get install -y -q nodejs npm >"$MESSAGETRACE_LOG_DIR/apt-get-node.log" 2>&1 ||
            die "apt-get install nodejs npm failed (see $MESSAGETRACE_LOG_DIR/apt-get-node.log)"
    else
        die "node and npm are needed for the AsyncAPI parser; install Node.js 18 or newer"
    fi
fi

if [[ ! -d $mt_asyncapi_dir/node_modules/@asyncapi/parser ]]; then
    log "installing @asyncapi/parser into scripts/asyncapi (npm ci)"
    if ! (cd "$mt_asyncapi_dir" && npm ci --no-audit --no-fund --ignore-scripts) >"$MESSAGETRACE_LOG_DIR/npm-asyncapi.log" 2>&1; then
        die "npm ci in scripts/asyncapi failed (see $MESSAGETRACE_LOG_DIR/npm-asyncapi.log)"
    fi
fi

export MESSAGETRACE_ASYNCAPI_VALIDATOR=$mt_asyncapi_dir/validate.mjs
