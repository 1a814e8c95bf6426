# Sourced by the compare scripts: what they share.

# Sets JAVA_BIN to a JDK 25+ java (JAVA_HOME first, then /usr/lib/jvm, then PATH), or exits 2 naming the script.
find_java() {
  JAVA_BIN=""
  for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java $(command -v java); do
    if [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[5-9]'; then
      JAVA_BIN=$j
      return 0
    fi
  done
  echo "$(basename "$0"): no JDK 25+ found" >&2
  exit 2
}
