# shellcheck shell=sh
# Finding the Java runtime and its options, for both launchers (the repository's ./taperoom and
# the package's /usr/bin/taperoom) and the benchmarks: sourced, POSIX sh. Installed as
# /usr/share/taperoom/java-runtime.sh beside taperoom.jvmargs.

# Prints the feature version of the java binary $1 (17, 21, 25, ...), or nothing. The JDK's
# `release` file says it without starting a JVM (each start costs ~60 ms); only a java without one
# is asked.
taperoom_java_major() {
    _release="$(dirname "$(dirname "$(readlink -f "$1")")")/release"
    if [ -f "$_release" ]; then
        _major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$_release" | head -n 1)
        if [ -n "$_major" ]; then
            printf '%s\n' "$_major"
            return 0
        fi
    fi
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

# Prints the newest java >= 21: TAPEROOM_JAVA when set, else JAVA_HOME's, the usual JDK folders',
# or the one on PATH; nothing when there is none.
taperoom_find_java() {
    if [ -n "${TAPEROOM_JAVA:-}" ]; then
        printf '%s' "$TAPEROOM_JAVA"
        return 0
    fi
    _best="" _best_major=0
    for _home in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk*; do
        [ -x "$_home/bin/java" ] || continue
        _major=$(taperoom_java_major "$_home/bin/java")
        [ -n "$_major" ] || continue
        if [ "$_major" -ge 21 ] && [ "$_major" -gt "$_best_major" ]; then
            _best="$_home/bin/java"
            _best_major=$_major
        fi
    done
    if [ -z "$_best" ] && command -v java >/dev/null 2>&1; then
        _major=$(taperoom_java_major "$(command -v java)")
        if [ -n "$_major" ] && [ "$_major" -ge 21 ]; then _best=$(readlink -f "$(command -v java)"); fi
    fi
    printf '%s' "$_best"
}

# Prints the options every command runs with, one a line, for the java $1: the argfile beside this
# file, and generational ZGC spelled out where the runtime still has the other mode (21-23).
taperoom_jvm_options() {
    printf '@%s\n' "${taperoom_share:?set by the launcher that sources this file}/taperoom.jvmargs"
    _major=$(taperoom_java_major "$1")
    if [ -n "$_major" ] && [ "$_major" -lt 24 ]; then printf '%s\n' -XX:+ZGenerational; fi
}
