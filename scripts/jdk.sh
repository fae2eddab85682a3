# Sourced by ./chaoslab and ./run-tests: finds a JDK 25+ and exports JAVA_HOME.
# Order: JAVA_HOME if it is 25+, then JDKs in the usual places, else a one-line error.
# The feature version of the JDK at $1: from its release file (JAVA_VERSION="25.0.3"), read in microseconds, else by
# asking the JVM (a JVM start, ~0.1-0.3 s: once on every launch when it was the only way).
chaoslab_java_major() {
  local v=""
  if [ -r "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9.]*\).*/\1/p' "$1/release" | head -n1)
  fi
  if [ -z "$v" ]; then
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)
  fi
  echo "$v"
}
chaoslab_find_jdk() {
  local cand major
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
    major=$(chaoslab_java_major "$cand")
    major=${major%%.*}
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
      echo "$cand"
      return 0
    fi
  done
  return 1
}
if ! CHAOSLAB_JDK=$(chaoslab_find_jdk); then
  echo "chaoslab: needs a JDK 25 or newer (none in JAVA_HOME or /usr/lib/jvm); install one, e.g. Temurin 25, and set JAVA_HOME" >&2
  exit 1
fi
export JAVA_HOME="$CHAOSLAB_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's bundled Guice uses sun.misc.Unsafe; keep JDK 25 quiet about it
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
# chaoslab splits work over threads itself with a fixed partition: one BLAS thread per call
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
