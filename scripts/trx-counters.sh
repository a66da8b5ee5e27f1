#!/usr/bin/env bash
# Reads the <Counters .../> element of each VSTest TRX file given and prints, per file
# and in argument order, one line of five integers:
#
#     passed failed skipped total executed
#
#   passed   = passed
#   failed   = failed + error + timeout + aborted   (every way a test can go wrong)
#   skipped  = max(total - executed, notExecuted)
#
# VSTest's TRX logger counts a skipped test ([Fact(Skip = ...)]) in `total` but not in
# `executed`, and leaves `notExecuted` at 0; other TRX writers use `notExecuted`.
#
# Uses python3's XML parser when python3 runs; otherwise falls back to grep/sed
# (set TRX_COUNTERS_NO_PYTHON=1 to force the fallback). Exits 2, naming the file on
# stderr, when a file cannot be read or has no Counters element.
#
# Usage: scripts/trx-counters.sh FILE.trx [FILE.trx ...]
set -euo pipefail

if (($# == 0)); then
    echo "usage: $0 FILE.trx [FILE.trx ...]" >&2
    exit 64
fi

use_python=0
if [[ -z ${TRX_COUNTERS_NO_PYTHON:-} ]] && command -v python3 >/dev/null 2>&1 \
    && python3 -c '' >/dev/null 2>&1; then
    use_python=1
fi

with_python() {
    python3 - "$@" <<'PY'
import sys
import xml.etree.ElementTree as ET

status = 0
for path in sys.argv[1:]:
    try:
        counters = None
        for _, element in ET.iterparse(path):
            # The TRX namespace varies by writer; match on the local name.
            if element.tag.rsplit('}', 1)[-1] == 'Counters':
                counters = element.attrib
                break
        if counters is None:
            raise ValueError('no <Counters> element')
        n = lambda name: int(counters.get(name, '0') or '0')
        failed = n('failed') + n('error') + n('timeout') + n('aborted')
        skipped = max(n('total') - n('executed'), n('notExecuted'))
        print(n('passed'), failed, skipped, n('total'), n('executed'))
    except Exception as error:  # unreadable, truncated or foreign file
        print(f'trx-counters: {path}: {error}', file=sys.stderr)
        status = 2
sys.exit(status)
PY
}

# counter_value ELEMENT NAME: the integer value of attribute NAME in ELEMENT, 0 if absent.
counter_value() {
    local value
    value=$(printf '%s\n' "$1" \
        | sed -n "s/.*[[:space:]]$2[[:space:]]*=[[:space:]]*[\"']\([0-9][0-9]*\)[\"'].*/\1/p")
    printf '%s' "${value:-0}"
}

with_sed() {
    local file counters status=0 passed failed skipped total executed not_executed
    for file in "$@"; do
        # Join lines so an element split across lines is still one match.
        if ! counters=$(tr '\r\n' '  ' <"$file" \
            | grep -o '<\([A-Za-z0-9_]*:\)\{0,1\}Counters[[:space:]][^>]*>' | sed -n 1p) \
            || [[ -z $counters ]]; then
            echo "trx-counters: $file: no <Counters> element" >&2
            status=2
            continue
        fi
        passed=$(counter_value "$counters" passed)
        failed=$(($(counter_value "$counters" failed) + $(counter_value "$counters" error) \
            + $(counter_value "$counters" timeout) + $(counter_value "$counters" aborted)))
        total=$(counter_value "$counters" total)
        executed=$(counter_value "$counters" executed)
        not_executed=$(counter_value "$counters" notExecuted)
        skipped=$((total - executed))
        if ((skipped < not_executed)); then skipped=$not_executed; fi
        echo "$passed $failed $skipped $total $executed"
    done
    return "$status"
}

if ((use_python)); then
    with_python "$@"
else
    with_sed "$@"
fi
