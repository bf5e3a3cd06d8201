#!/usr/bin/env bash
# Fails, naming file and line, where the project's code reaches into a
# dependency's internals: anything in a detail namespace or detail/ header of
# httplib, Asio, Beast or any other Boost library, and subclassing an httplib
# class (to reach its non-public members). Such code breaks, without notice,
# when the dependency changes; only public interfaces survive every supported
# release.
#
#   tools/check_internals.sh [PATH...]   (default: the project's code)
set -euo pipefail
cd "$(dirname "$0")/.."
(($#)) || set -- include emulator cli examples tests tools

# Extended regular expressions (grep -E), each with the reason it prints.
patterns=(
    '\b([A-Za-z_0-9]+::)+[A-Za-z_0-9]*detail\b'$'\t''a dependency'"'"'s detail namespace is internal'
    '#[[:space:]]*include[[:space:]]*<([^>]*/)?detail/'$'\t''a dependency'"'"'s detail/ headers are internal'
    '(class|struct)[^;{(]*:[^;{(]*\bhttplib::'$'\t''subclassing an httplib class reaches its non-public members'
)
# What the patterns would catch and is fine: this project's own detail
# namespace and headers (webhooksio::detail, wh:: in the tests), and httplib's
# interfaces meant to be implemented, as its README shows: a server's own
# thread pool (new_task_queue) derives from TaskQueue.
allowed=(
    -e 's/\b(webhooksio|wh)::([A-Za-z_0-9]+::)*[A-Za-z_0-9]*detail\b//g'
    -e 's/<webhooksio\/[^>]*>//g'
    -e 's/\b(public|private|protected)?[[:space:]]*httplib::TaskQueue\b//g'
)

status=0
for entry in "${patterns[@]}"; do
    pattern=${entry%%$'\t'*}
    why=${entry#*$'\t'}
    hits=$(grep -rnE --include='*.hpp' --include='*.ipp' --include='*.cpp' --include='*.h' --include='*.c' \
               --exclude-dir=third_party "$pattern" "$@" || true)
    [ -n "$hits" ] || continue
    # Comments use nothing: drop them, and what is allowed, then look again.
    kept=$(sed -E -e 's#//.*##' -e 's#^([^:]*:[0-9]+:)[[:space:]]*(\*|/\*).*#\1#' "${allowed[@]}" <<<"$hits" |
               grep -nE "$pattern" | cut -d: -f1 || true)
    [ -n "$kept" ] || continue
    awk 'NR == FNR { kept[$1] = 1; next } FNR in kept' <(echo "$kept") <(echo "$hits") |
        sed -E "s#^([^:]*:[0-9]+:)[[:space:]]*#\1 $why: #"
    status=1
done
if ((status == 0)); then
    echo "check_internals: no dependency's internals in $*"
else
    echo "check_internals: use only the public interfaces of the dependencies" >&2
fi
exit $status
