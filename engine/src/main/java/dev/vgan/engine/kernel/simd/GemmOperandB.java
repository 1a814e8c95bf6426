package dev.vgan.engine.kernel.simd;

/**
 * The GEMM's right-hand matrix op(B), wherever it is stored — row-major, transposed ({@code transB}), or as
 * rows that start anywhere in {@code b} ({@code rows[p]}, when not null) — and what packs a panel of it:
 * {@link SimdGemmPacking}.
 */
record GemmOperandB(boolean transB, float[] b, int bOff, int ldb, int[] rows) {
  /** Packs strips {@code [s0, s1)} of the B̃ panel at rows {@code pc..} and columns {@code jc..} of op(B). */
  void pack(int pc, int kc, int jc, int nc, int s0, int s1, float[] dst) {
    if (rows != null) {
      SimdGemmPacking.packRows(b, rows, pc, kc, jc, nc, s0, s1, dst);
    } else {
      SimdGemmPacking.packB(transB, b, bOff, ldb, pc, kc, jc, nc, s0, s1, dst);
    }
  }
}
