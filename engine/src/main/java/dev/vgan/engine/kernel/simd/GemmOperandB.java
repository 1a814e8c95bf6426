package dev.vgan.engine.kernel.simd;

/**
 * The GEMM's right-hand matrix op(B), wherever it is stored — row-major, transposed ({@code transB}), as
 * rows that start anywhere in {@code b} ({@code rows[p]}, when not null), or gathered
 * ({@code b[rows[p] + cols[j]]}, when {@code cols} is not null too) — and what packs a panel of it:
 * {@link SimdGemmPacking}.
 */
record GemmOperandB(boolean transB, float[] b, int bOff, int ldb, int[] rows, int[] cols) {
  /** op(B) stored as a matrix, plain or transposed. */
  GemmOperandB(boolean transB, float[] b, int bOff, int ldb) {
    this(transB, b, bOff, ldb, null, null);
  }

  /** Packs strips {@code [s0, s1)} of the B̃ panel at rows {@code pc..} and columns {@code jc..} of op(B). */
  void pack(int pc, int kc, int jc, int nc, int s0, int s1, float[] dst) {
    if (cols != null) {
      SimdGemmPacking.packGathered(b, rows, cols, pc, kc, jc, nc, s0, s1, dst);
    } else if (rows != null) {
      SimdGemmPacking.packRows(b, rows, pc, kc, jc, nc, s0, s1, dst);
    } else {
      SimdGemmPacking.packB(transB, b, bOff, ldb, pc, kc, jc, nc, s0, s1, dst);
    }
  }
}
