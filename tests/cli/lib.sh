# Shared by the CLI tests: `check NAME CMD...` runs a condition and counts; `finish` prints
# the "N passed, N failed" line and sets the exit status.
RAML=${RAML:-build/raml}
passed=0
failed=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
check() {
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $name" >&2
    fi
}
# Runs raml with args, storing stdout, stderr and the exit code.
run() {
    set +e
    "$RAML" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    set -e
}
finish() {
    echo "$(basename "$0" .sh): $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
