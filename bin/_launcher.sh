# shellcheck shell=bash
# Shared by the launchers in bin/ (immudb, immuclient, immuadmin, immugw, immudb-bench). Not run on its
# own: a launcher resolves its own directory (following symlinks), sources this file and calls
#     immudb_launch MODULE MAIN_CLASS DEFAULT_JAVA_OPTS [ARGS...]
# which builds the tools when needed and then execs java on MODULE's jar plus MODULE/target/lib/*
# (the module's pom copies its runtime dependencies there during `package`).
#
# One build for all tools: the first launcher run (or the first after a change) packages every
# tool module (IMMUDB_TOOL_MODULES) and what they depend on in one Maven run, with tests skipped,
# so the next launcher of another tool starts at once. The build needs nothing from the local
# Maven repository but third-party artifacts: this project's own modules come from the reactor
# (immudb-dist's FreshCloneIT checks that on every CI run, from a clone of the checkout and a
# Maven repository without io.immudb artifacts).
#
# Rebuild rule: target/.launcher-stamp is touched just before a successful build started. The
# tools are rebuilt when the stamp or a tool's jar is missing, or when any pom.xml (root or
# module) or anything under */src/main (files or directories, so deletions count) is newer than
# the stamp. Concurrent launchers serialize their builds with flock(1) when it exists.
#
# Environment:
#   IMMUDB_JAVA_OPTS   JVM options, replacing the launcher's default
#   IMMUDB_MVN         the Maven command (default: ./mvnw if present, else mvn)
#   IMMUDB_MVN_ARGS    extra Maven arguments, e.g. -o for offline
#   IMMUDB_NO_BUILD=1  never build; fail if the module was not built
#   JAVA_HOME          the JDK whose bin/java runs the tool (default: java on PATH)
# Bash 3.2 compatible (stock macOS): no associative arrays, no {fd} redirections.

# IMMUDB_BIN must be set by the caller to the resolved bin/ directory.
IMMUDB_ROOT="$(cd -P "$IMMUDB_BIN/.." && pwd)"

# The modules whose jars the launchers run; built together.
IMMUDB_TOOL_MODULES="immudb-server,immudb-cli,immudb-gw,immudb-bench"

# Prints why the tools need a build, or nothing if they are up to date.
immudb_build_reason() {
  local stamp="$IMMUDB_ROOT/target/.launcher-stamp" module
  if [ ! -f "$stamp" ]; then
    echo "first run"
    return
  fi
  for module in $(echo "$IMMUDB_TOOL_MODULES" | tr , ' '); do
    if [ -z "$(immudb_module_jar "$module")" ] || [ ! -d "$IMMUDB_ROOT/$module/target/lib" ]; then
      echo "$module not built"
      return
    fi
  done
  local newer
  newer="$(cd "$IMMUDB_ROOT" && find . -maxdepth 2 -name pom.xml -newer "$stamp" -print -quit)"
  if [ -z "$newer" ]; then
    newer="$(cd "$IMMUDB_ROOT" && find ./*/src/main -newer "$stamp" -print -quit 2>/dev/null ||
      true)"
  fi
  if [ -n "$newer" ]; then
    echo "${newer#./} changed"
  fi
}

# Prints the path of MODULE's main jar, or nothing.
immudb_module_jar() {
  local module="$1" f found=""
  for f in "$IMMUDB_ROOT/$module/target/$module"-*.jar; do
    case "$f" in
      *-sources.jar | *-javadoc.jar | *-tests.jar) ;;
      *) [ -f "$f" ] && found="$f" ;;
    esac
  done
  echo "$found"
}

immudb_mvn() {
  if [ -n "${IMMUDB_MVN:-}" ]; then
    echo "$IMMUDB_MVN"
  elif [ -x "$IMMUDB_ROOT/mvnw" ]; then
    echo "$IMMUDB_ROOT/mvnw"
  elif command -v mvn >/dev/null 2>&1; then
    echo mvn
  else
    echo "error: Maven (mvn) is needed to build this tool; install it or set IMMUDB_MVN" >&2
    return 1
  fi
}

# Builds the tool modules and what they depend on if needed (MODULE is the one about to run).
# Maven's output goes to stderr, so the tool's stdout stays clean for scripts.
immudb_ensure_built() {
  local module="$1" reason
  if [ "${IMMUDB_NO_BUILD:-}" = 1 ]; then
    if [ -n "$(immudb_module_jar "$module")" ] && [ -d "$IMMUDB_ROOT/$module/target/lib" ]; then
      return 0
    fi
    echo "error: $module is not built and IMMUDB_NO_BUILD=1" >&2
    return 1
  fi
  reason="$(immudb_build_reason)"
  [ -z "$reason" ] && return 0
  local target="$IMMUDB_ROOT/target"
  mkdir -p "$target"
  if command -v flock >/dev/null 2>&1; then
    # One lock for the whole checkout: the tool modules share the upstream modules' target
    # directories. fd 9 stays open (holding the lock) until java is exec'd or the script exits.
    exec 9>"$target/.launcher.lock"
    flock 9
    # Another launcher may have built them while we waited.
    reason="$(immudb_build_reason)"
    [ -z "$reason" ] && return 0
  fi
  echo "building the immudb tools ($reason)..." >&2
  local mvn
  mvn="$(immudb_mvn)"
  touch "$target/.launcher-stamp.next"
  local m
  for m in $(echo "$IMMUDB_TOOL_MODULES" | tr , ' '); do
    rm -rf "${IMMUDB_ROOT:?}/$m/target/lib"
  done
  local esc
  esc="$(printf '\033')"
  # Some Maven builds print bare colour resets even with -B -q; drop them. The pipeline's status
  # is Maven's (pipefail is set by every launcher).
  # shellcheck disable=SC2086 # IMMUDB_MVN and IMMUDB_MVN_ARGS are word lists on purpose
  if ! (cd "$IMMUDB_ROOT" && $mvn -q -B -Dmaven.test.skip=true ${IMMUDB_MVN_ARGS:-} \
      -pl "$IMMUDB_TOOL_MODULES" -am package 2>&1) | sed "s/${esc}\[0m//g" >&2; then
    rm -f "$target/.launcher-stamp.next"
    echo "error: building the tools failed (see above); to retry:" \
      "mvn -Dmaven.test.skip=true -pl $IMMUDB_TOOL_MODULES -am package" >&2
    return 1
  fi
  mv -f "$target/.launcher-stamp.next" "$target/.launcher-stamp"
}

# immudb_launch MODULE MAIN_CLASS DEFAULT_JAVA_OPTS [ARGS...]: build if needed, then exec java.
immudb_launch() {
  local module="$1" main="$2" default_opts="$3"
  shift 3
  immudb_ensure_built "$module"
  local jar java
  jar="$(immudb_module_jar "$module")"
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
  else
    java=java
  fi
  # shellcheck disable=SC2086 # JVM options are a word list on purpose
  exec 9>&- # release the build lock, if taken; java must not inherit it
  exec "$java" ${IMMUDB_JAVA_OPTS-$default_opts} \
    -cp "$jar:$IMMUDB_ROOT/$module/target/lib/*" "$main" "$@"
}
