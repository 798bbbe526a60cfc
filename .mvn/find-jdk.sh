# Sourced by ./mvnw and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# JAVA_HOME wins when it is one; otherwise the usual JVM install directories are searched, newest first.

swarm_java_major() { # prints the feature version of the java binary in $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

swarm_find_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(swarm_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then return 0; fi
    echo "JAVA_HOME=$JAVA_HOME is Java ${major:-?}; looking for a JDK 21 or newer instead." >&2
  fi
  for candidate in $(ls -d /usr/lib/jvm/*/ /usr/java/*/ /opt/java/*/ /opt/jdk*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    [ -x "$candidate/bin/javac" ] || continue
    major=$(swarm_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(swarm_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  fi
  echo "swarm needs a JDK 21 or newer and found none: set JAVA_HOME to one, or install one under /usr/lib/jvm." >&2
  return 1
}
