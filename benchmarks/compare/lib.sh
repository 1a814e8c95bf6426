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

# Sets ANCHOR_ENV (for `env "${ANCHOR_ENV[@]}" ...`) to run the anchors on their best OpenBLAS kernel. This
# workplace pins OPENBLAS_CORETYPE for old builds (Haswell: half of OpenBLAS 0.3.21 on an AVX-512 CPU), and
# 0.3.21 left to itself takes CPUs newer than it for a Prescott (SSE3: a fifth of its speed on a 2023 Xeon).
# So each kernel this CPU can run is timed once (numpy, n = 512, one thread) and the fastest is kept;
# ANCHOR_KERNEL names it ("auto" is OpenBLAS's own choice).
choose_anchor_kernel() {
  local py=$1 best_gflops=0 candidates="auto" ct gflops
  grep -qw avx2 /proc/cpuinfo && candidates+=" Haswell"
  grep -qw avx512bw /proc/cpuinfo && candidates+=" SkylakeX"
  grep -qw avx512_bf16 /proc/cpuinfo && candidates+=" Cooperlake"
  ANCHOR_KERNEL=auto
  for ct in $candidates; do
    local set=(-u OPENBLAS_CORETYPE)
    [ "$ct" = auto ] || set=(OPENBLAS_CORETYPE="$ct")
    gflops=$(env -u OPENBLAS_L2_SIZE "${set[@]}" OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
      "$py" "$(dirname "${BASH_SOURCE[0]}")/anchors.py" numpy 512 1 NN 1 \
      | "$py" -c 'import json, sys; print(json.load(sys.stdin)["gflops"])')
    echo "anchor kernel $ct: $gflops GFLOP/s (numpy, n = 512, 1 thread)" >&2
    if "$py" -c "import sys; sys.exit(0 if $gflops > $best_gflops * 1.05 else 1)"; then
      best_gflops=$gflops
      ANCHOR_KERNEL=$ct
    fi
  done
  ANCHOR_ENV=(-u OPENBLAS_L2_SIZE -u OPENBLAS_CORETYPE)
  [ "$ANCHOR_KERNEL" = auto ] || ANCHOR_ENV=(-u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE="$ANCHOR_KERNEL")
  export ANCHOR_KERNEL
  echo "anchors run on OpenBLAS kernel: $ANCHOR_KERNEL" >&2
}
