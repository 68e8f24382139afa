#!/usr/bin/env bash
# Makes a static AppCDS archive of one program's start: a training run that records the classes it loads (and the
# method-handle shapes its lambdas and string concatenations need), then a dump of them, with the JDK's own, into
# one archive. A static archive starts faster than a dynamic one (-XX:ArchiveClassesAtExit) on JDK 17: it also holds
# the generated lambda-form classes, which a dynamic archive makes again at every start.
# The training program must end by itself (the desk and the bare window do with -Dwaiverdesk.closeWhenReady=true)
# and must reach its MARKER line on standard output, or no archive is made.
#
# Usage: scripts/appcds.sh JAVA ARCHIVE CLASSPATH MAIN MARKER [JVM OPTION...]
#   JAVA the runtime's java; ARCHIVE the .jsa to write; CLASSPATH exactly as the program is started later (a JDK 17
#   archive is used only with the same class path and an unchanged jar); MARKER e.g. DESK_READY; the JVM options
#   are the program's own (the same --add-exports etc.: they decide what the archive may hold).
# Exit status: 0 with the archive written; 1 when the training run or the dump failed (the reason on stderr).
set -uo pipefail
[ $# -ge 5 ] || { echo "usage: $0 JAVA ARCHIVE CLASSPATH MAIN MARKER [JVM OPTION...]" >&2; exit 2; }
java=$1 archive=$2 classpath=$3 main=$4 marker=$5
shift 5
list=$(mktemp) out=$(mktemp)
trap 'rm -f "$list" "$out"' EXIT
rm -f "$archive"

timeout 120 "$java" -XX:DumpLoadedClassList="$list" "$@" -Dprism.order=sw -Dwaiverdesk.reportShown=true \
    -Dwaiverdesk.closeWhenReady=true -cp "$classpath" "$main" >"$out" 2>&1
status=$?
if [ $status -ne 0 ] || ! grep -q "^$marker " "$out"; then
    echo "appcds: the training run of $main ended with $status before $marker:" >&2
    tail -20 "$out" >&2
    exit 1
fi
if ! "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive" "$@" \
        -cp "$classpath" >"$out" 2>&1 || [ ! -s "$archive" ]; then
    echo "appcds: the dump of $main's classes failed:" >&2
    tail -20 "$out" >&2
    rm -f "$archive"
    exit 1
fi
echo "appcds: $archive, $(grep -vc '^@\|^#' "$list") classes of $main"
