#!/usr/bin/env bash
# Makes a static AppCDS archive of one program's start: a training run that records the classes it loads (and the
# method-handle shapes its lambdas and string concatenations need), then a dump of them, with the JDK's own, into
# one archive. A static archive starts faster than a dynamic one (-XX:ArchiveClassesAtExit) on JDK 17: it also holds
# the generated lambda-form classes, which a dynamic archive makes again at every start.
# The training program must end by itself and must reach its MARKER line on standard output, or no archive is made.
# The desk has no training code of its own: its training driver is com.waiverdesk.bench.DeskProbe (in the bench jar,
# docs/benchmarks.md), which starts the desk, prints DESK_READY, verifies a demo person and closes the window with
# -Dwaiverdesk.closeWhenReady=true; the bare window of the start benchmark ends so by itself.
#
# Usage: [TRAINING_CLASSPATH=JAR] scripts/appcds.sh JAVA ARCHIVE CLASSPATH MAIN MARKER [JVM OPTION...]
#   JAVA the runtime's java; ARCHIVE the .jsa to write; CLASSPATH exactly as the program is started later (a JDK 17
#   archive is used only with the same class path, or a longer one that begins with it, and an unchanged jar);
#   MARKER e.g. DESK_READY; the JVM options are the program's own (the same --add-exports etc.: they decide what the
#   archive may hold). TRAINING_CLASSPATH is added after CLASSPATH for the training run only (the jar of the driver
#   MAIN): the dump reads CLASSPATH alone, so the driver's own classes are left out of the archive (a warning each).
# Exit status: 0 with the archive written; 1 when the training run or the dump failed (the reason on stderr).
set -uo pipefail
[ $# -ge 5 ] || { echo "usage: $0 JAVA ARCHIVE CLASSPATH MAIN MARKER [JVM OPTION...]" >&2; exit 2; }
java=$1 archive=$2 classpath=$3 main=$4 marker=$5
shift 5
list=$(mktemp) out=$(mktemp)
trap 'rm -f "$list" "$out"' EXIT
rm -f "$archive"

timeout 120 "$java" -XX:DumpLoadedClassList="$list" "$@" -Dprism.order=sw \
    -Dwaiverdesk.closeWhenReady=true -cp "$classpath${TRAINING_CLASSPATH:+:$TRAINING_CLASSPATH}" "$main" >"$out" 2>&1
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
