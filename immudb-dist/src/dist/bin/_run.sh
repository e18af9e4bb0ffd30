# shellcheck shell=bash
# Shared by the launchers of the release archive (bin/immudb, bin/immuclient, bin/immuadmin). Not
# run on its own: a launcher resolves its own directory (following symlinks) into IMMUDB_BIN,
# sources this file and calls
#     immudb_run MAIN_CLASS TOOL_LIB DEFAULT_JAVA_OPTS [ARGS...]
# which execs java with the archive's lib/*, lib/TOOL_LIB/* (the tool's logging backend) and
# the given main class. Nothing is built: the archive holds every jar.
#
# Environment:
#   IMMUDB_JAVA_OPTS   JVM options, replacing the launcher's default
#   JAVA_HOME          the Java 17+ runtime whose bin/java runs the tool (default: java on PATH)
# Bash 3.2 compatible (stock macOS).

IMMUDB_HOME="$(cd -P "$IMMUDB_BIN/.." && pwd)"

immudb_run() {
  local main="$1" tool_lib="$2" default_opts="$3"
  shift 3
  local java
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    java=java
  else
    echo "error: no Java runtime found; install Java 17 or newer, or set JAVA_HOME" >&2
    return 1
  fi
  # shellcheck disable=SC2086 # JVM options are a word list on purpose
  exec "$java" ${IMMUDB_JAVA_OPTS-$default_opts} \
    -cp "$IMMUDB_HOME/lib/*:$IMMUDB_HOME/lib/$tool_lib/*" "$main" "$@"
}
