# Sourced by the other scripts: where the project's tools live and the flags they run with.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
# npm tools (binaryen's wasm-opt, and the end-to-end harness) live outside the clone so that every
# clone on the machine shares one install.
export MICROJAM_TOOLS="${MICROJAM_TOOLS:-$HOME/.local/share/microjam-tools}"
export PATH="$HOME/.cargo/bin:$MICROJAM_TOOLS/node_modules/.bin:$PATH"
# One target dir for native builds, wasm tests and trunk.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
# Trunk must never try to download a tool.
export TRUNK_OFFLINE=true
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# Pinned tool versions. wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock (read there).
TRUNK_VERSION=0.21.14
WASM_PACK_VERSION=0.15.1
WASM_SPLIT_VERSION=0.2.4
BINARYEN_VERSION=132.0.0
TERSER_VERSION=5.51.4

# The loopback API server the browser tests read from (scripts/test-server.py).
export MICROJAM_TEST_API_PORT="${MICROJAM_TEST_API_PORT:-8931}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# Starts scripts/test-server.py on $MICROJAM_TEST_API_PORT (extra arguments are passed on), waits until it
# answers, and stops it when the calling script exits.
start_test_server() {
    python3 "$ROOT/scripts/test-server.py" --port "$MICROJAM_TEST_API_PORT" "$@" &
    TEST_SERVER_PID=$!
    trap 'kill $TEST_SERVER_PID 2>/dev/null || true' EXIT
    local _
    for _ in $(seq 50); do
        python3 -c "import socket; socket.create_connection(('127.0.0.1', $MICROJAM_TEST_API_PORT), 0.2)" 2>/dev/null && return 0
        kill -0 "$TEST_SERVER_PID" 2>/dev/null || die "the test server did not start (is port $MICROJAM_TEST_API_PORT taken?)"
        sleep 0.1
    done
    die "the test server did not answer on port $MICROJAM_TEST_API_PORT"
}
