#!/usr/bin/env bash
# Builds the installer for the current OS into target/installer/ (Linux: .deb, Windows: .msi, macOS: .dmg) from the
# checked-in jpackage argument files in packaging/ (packaging/README.md explains each step):
#   1. mvn -Ppackage package: target/installer-jars/waiverdesk.jar (the desk without JavaFX) and the JavaFX jars
#   2. jdeps finds the modules; packaging/jlink-modules adjusts them; jlink makes a trimmed runtime, and the
#      JavaFX native libraries are copied into it (nothing is extracted to ~/.openjfx/cache at first start)
#   3. Linux: a training run of the desk under Xvfb makes the static AppCDS archive lib/app/waiverdesk.jsa; without
#      Xvfb the build goes on without it and says so. The run is driven from outside the desk by the bench jar's
#      DeskProbe (target/waiverdesk-*-bench.jar, never installed): the installed jar has no training code
#   4. jpackage makes the app image with packaging/common.args, app-image.args and packaging/jvm-options
#   5. jpackage turns the app image into the installer with packaging/<os>/<os>.args
# Needs a JDK 17 with jpackage, Maven; on Linux fakeroot and dpkg-deb (Xvfb, unshare and GTK 3 for the archive); on Windows the
# WiX Toolset 3 on PATH; on macOS Xcode's command-line tools. Prints the installer's size and the installed size.
#
# Environment: APP_VERSION overrides the version (default: pom.xml's, without -SNAPSHOT);
#              SKIP_MAVEN=1 reuses target/installer-jars and target/javafx-modules from an earlier build;
#              MVN_ARGS adds Maven options (e.g. -o); OUT sets the output folder (default target/installer).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

arch=$(uname -m)
case "$arch" in arm64) arch=aarch64 ;; amd64) arch=x86_64 ;; esac
case "$(uname -s)" in
    Linux) os=linux; fx_classifier=linux; native_dir=lib; sqlite_lib=Linux/$arch/libsqlitejdbc.so ;;
    Darwin) os=macos; native_dir=lib; sqlite_lib=Mac/$arch/libsqlitejdbc.dylib
        if [ "$arch" = aarch64 ]; then fx_classifier=mac-aarch64; else fx_classifier=mac; fi ;;
    MINGW* | MSYS* | CYGWIN*) os=windows; fx_classifier=win; native_dir=bin; sqlite_lib=Windows/$arch/sqlitejdbc.dll ;;
    *) echo "package.sh: unsupported OS $(uname -s)" >&2; exit 1 ;;
esac

pom_version=$(sed -n '/<artifactId>waiverdesk<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;q;}' pom.xml)
version=${APP_VERSION:-${pom_version%-SNAPSHOT}}
out=${OUT:-$root/target/installer}
work=$out/work
echo "WaiverDesk $version for $os -> $out"

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }

if [ "${SKIP_MAVEN:-}" != 1 ]; then
    step "maven: installer jar and JavaFX modules"
    # shellcheck disable=SC2086  # MVN_ARGS is a list of options
    mvn -q -B ${MVN_ARGS:-} -Ppackage package -DskipTests -Dapp.version="$version"
fi
app_jar=$root/target/installer-jars/waiverdesk.jar
[ -f "$app_jar" ] || { echo "package.sh: $app_jar missing (run without SKIP_MAVEN)" >&2; exit 1; }
fx_mods=""
for jar in "$root"/target/javafx-modules/*-"$fx_classifier".jar; do
    [ -f "$jar" ] || { echo "package.sh: no JavaFX jars for $fx_classifier in target/javafx-modules" >&2; exit 1; }
    fx_mods="${fx_mods:+$fx_mods:}$jar"
done
# (on Windows, Git Bash turns this colon-separated list of /c/... paths into C:\...;C:\... for jdeps and jlink)

rm -rf "$out"
mkdir -p "$work"

step "jdeps: modules the desk needs"
found=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps --module-path "$fx_mods" "$app_jar")
modules=$(printf '%s\n' "$found" | tr ',' '\n')
while read -r line; do
    case "$line" in
        +*) modules=$(printf '%s\n%s\n' "$modules" "${line#+}") ;;
        -*) modules=$(printf '%s\n' "$modules" | grep -vx -- "${line#-}" || true) ;;
    esac
done < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' packaging/jlink-modules | grep -v '^$')
modules=$(printf '%s\n' "$modules" | grep -v '^$' | sort -u | paste -sd, -)
echo "jdeps found: $found"
echo "runtime modules: $modules"

step "jlink: trimmed runtime"
runtime=$work/runtime
jlink --module-path "$fx_mods" --add-modules "$modules" --include-locales=en,zh \
    --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$runtime"
# the JDK's base CDS archive without compressed oops serves heaps over 32 GB only; the desk runs with -Xmx256m
rm -f "$runtime"/lib/server/classes_nocoops.jsa "$runtime"/bin/server/classes_nocoops.jsa
# JavaFX's native libraries beside the JDK's: JavaFX loads them from there instead of extracting them to
# ~/.openjfx/cache, and jpackage sees them, so the .deb depends on GTK 3.
fx_graphics=$(ls "$root"/target/javafx-modules/javafx-graphics-*-"$fx_classifier".jar)
(cd "$runtime/$native_dir" && unzip -q -o -j "$fx_graphics" '*.so' '*.dll' '*.dylib' -x 'META-INF/*' 2>/dev/null || true)
ls "$runtime/$native_dir" | grep -E 'glass|prism' >/dev/null \
    || { echo "package.sh: no JavaFX native libraries copied from $fx_graphics" >&2; exit 1; }

# AppCDS (Linux, scripts/appcds.sh): the JVM uses the archive only when the class path is the same path as at the training run,
# and the jar has the same modification time. So the training runs with the runtime and the jar mounted at the
# installed place, /opt/waiverdesk/lib/..., in a private mount namespace (nothing outside the build sees it), and
# the jar gets a fixed modification time that resources/postinst sets again after dpkg unpacks it.
input=$work/input
mkdir -p "$input"
cp "$app_jar" "$input/waiverdesk.jar"
# SQLite's native library for this OS beside the jar (the installer jar has none): sqlite-jdbc loads it from there
# (-Dorg.sqlite.lib.path=$APPDIR in jvm-options) instead of extracting a copy to the temporary folder at every start,
# which costs start time and fails where /tmp is mounted noexec
cp "$root/target/sqlite-native/org/sqlite/native/$sqlite_lib" "$input/" \
    || { echo "package.sh: no SQLite native library $sqlite_lib in target/sqlite-native" >&2; exit 1; }
touch -m -d @946684800 "$input/waiverdesk.jar"   # 2000-01-01 UTC; the same number is in linux/resources/postinst
jvm_options=()
while read -r option; do jvm_options+=("$option"); done \
    < <(cat packaging/jvm-options $( [ -f "packaging/$os/jvm-options" ] && echo "packaging/$os/jvm-options") \
        | sed -e 's/#.*//' -e 's/[[:space:]]*$//' | grep -v '^$')

step "AppCDS: training run"
cds_note="no AppCDS archive: made on Linux only (the class path must be the installed one); the desk starts without it"
if [ "$os" = linux ]; then
    cds_note="no AppCDS archive: the training run needs Xvfb and unshare (util-linux); the desk starts without it"
    if command -v Xvfb >/dev/null 2>&1 && command -v unshare >/dev/null 2>&1; then
        train_options=()
        for option in "${jvm_options[@]}"; do
            # the launcher expands $APPDIR; the training run's java is given the installed path itself
            option=${option//\$APPDIR//opt/waiverdesk/lib/app}
            case "$option" in -XX:SharedArchiveFile=*) ;; *) train_options+=("$option") ;; esac
        done
        # the training driver: starts the desk, waits until it is ready, verifies a demo person, closes the window
        bench_jar=$(ls "$root"/target/waiverdesk-*-bench.jar 2>/dev/null | head -1)
        [ -n "$bench_jar" ] || { echo "package.sh: no target/waiverdesk-*-bench.jar (run without SKIP_MAVEN)" >&2; exit 1; }
        train_home=$work/train-home
        mkdir -p "$train_home"
        display=:$((150 + RANDOM % 50))
        Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
        xvfb_pid=$!
        sleep 1
        ns=(unshare -m)
        [ "$(id -u)" -eq 0 ] || ns=(unshare -rm)
        set +e
        HOME=$train_home XDG_CONFIG_HOME=$train_home/config XDG_DATA_HOME=$train_home/data \
            XDG_STATE_HOME=$train_home/state DISPLAY=$display TRAINING_CLASSPATH=$bench_jar "${ns[@]}" bash -c '
            set -e
            runtime=$1 input=$2 appcds=$3; shift 3
            mount -t tmpfs waiverdesk-training /opt
            mkdir -p /opt/waiverdesk/lib/runtime /opt/waiverdesk/lib/app
            mount --bind "$runtime" /opt/waiverdesk/lib/runtime
            mount --bind "$input" /opt/waiverdesk/lib/app
            exec "$appcds" /opt/waiverdesk/lib/runtime/bin/java /opt/waiverdesk/lib/app/waiverdesk.jsa \
                /opt/waiverdesk/lib/app/waiverdesk.jar com.waiverdesk.bench.DeskProbe DESK_READY "$@"' \
            training "$runtime" "$input" "$root/scripts/appcds.sh" "${train_options[@]}" \
            >"$work/train.out" 2>"$work/train.err"
        status=$?
        set -e
        kill "$xvfb_pid" 2>/dev/null || true
        if [ $status -eq 0 ] && [ -s "$input/waiverdesk.jsa" ]; then
            # the static archive holds the JDK's classes too: the JDK's own base archive would never be used
            rm -f "$runtime"/lib/server/classes.jsa
            cds_note="AppCDS archive: $(du -h "$input/waiverdesk.jsa" | cut -f1), $(sed -n 's/^appcds: .*, //p' "$work/train.out") from a training run that reached DESK_READY"
        else
            rm -f "$input/waiverdesk.jsa"
            cds_note="no AppCDS archive: the training run failed (exit $status, see $work/train.err); the desk starts without it"
        fi
    fi
fi
echo "$cds_note"

if [ "$os" = linux ]; then
    # The menu entry and /usr/bin/waiverdesk start the runtime's java with this argument file, not jpackage's
    # launcher: JDK 17's Linux launcher asks the package manager where it was installed at every start (rpm -qf,
    # dpkg -S and dpkg -L, twice), 100-200 ms of a start on a workstation with a full dpkg database. The same
    # options as the launcher's (.cfg); the install folder is fixed on Linux (packaging/linux/linux.args).
    {
        echo "# generated by scripts/package.sh from packaging/jvm-options: the desk's java command line, used by"
        echo "# /usr/bin/waiverdesk and the menu entry (java @/opt/waiverdesk/lib/app/waiverdesk.args [options])"
        echo "-Djpackage.app-version=$version"
        for option in "${jvm_options[@]}"; do
            case "$option" in -XX:SharedArchiveFile=*) [ -f "$input/waiverdesk.jsa" ] || continue ;; esac
            printf '"%s"\n' "${option//\$APPDIR//opt/waiverdesk/lib/app}"
        done
        echo "-cp /opt/waiverdesk/lib/app/waiverdesk.jar"
        echo "com.waiverdesk.Main"
    } > "$input/waiverdesk.args"
fi

step "jpackage: app image"
args=$work/generated.args
{
    echo "# generated by scripts/package.sh from pom.xml and packaging/jvm-options; do not edit"
    echo "--app-version $version"
    for option in "${jvm_options[@]}"; do
        # without an archive the option would only make the JVM warn at every start
        case "$option" in -XX:SharedArchiveFile=*) [ -f "$input/waiverdesk.jsa" ] || continue ;; esac
        printf -- '--java-options "%s"\n' "$option"
    done
} > "$args"
icon_args=()
[ "$os" = linux ] && icon_args=(--icon icons/png/waiverdesk-256.png)
[ "$os" = windows ] && icon_args=(--icon icons/waiverdesk.ico)
[ "$os" = macos ] && icon_args=(--icon icons/waiverdesk.icns)
jpackage --type app-image @packaging/common.args @packaging/app-image.args @"$args" "${icon_args[@]}" \
    --runtime-image "$runtime" --input "$input" --dest "$work/image"
case "$os" in
    macos) image=$work/image/WaiverDesk.app ;;
    *) image=$work/image/WaiverDesk ;;
esac

step "jpackage: installer"
jpackage @packaging/common.args --app-version "$version" @packaging/"$os"/"$os".args \
    --app-image "$image" --dest "$out"

installer=""
for file in "$out"/*.deb "$out"/*.msi "$out"/*.dmg; do [ -f "$file" ] && installer=$file; done
installer_bytes=$(wc -c < "$installer")
installed_kib=$(du -sk "$image" | cut -f1)
printf '\n== done (%ss)\n' "$SECONDS"
echo "installer:      $installer"
awk -v b="$installer_bytes" 'BEGIN { printf "installer size: %.1f MB\n", b / 1e6 }'
awk -v k="$installed_kib" 'BEGIN { printf "installed size: %.1f MB (the program folder)\n", k * 1024 / 1e6 }'
echo "runtime modules: $modules"
echo "$cds_note"
