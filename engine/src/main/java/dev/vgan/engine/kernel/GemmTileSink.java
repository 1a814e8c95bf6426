package dev.vgan.engine.kernel;

/**
 * Receives an SGEMM's product tile by tile instead of as a matrix C: see
 * {@link KernelBackend#sgemmTiles}. A consumer of the product (a col2im, say) then reads each tile while it
 * is still in cache, and the product never makes the round trip through memory.
 */
@FunctionalInterface
public interface GemmTileSink {
  /**
   * Takes the elements {@code (row + r, col + j)} of the product, {@code r < rows, j < cols}, from
   * {@code tile[tileOff + r · ld + j]}. The tile is valid only during the call.
   */
  void take(float[] tile, int tileOff, int ld, int row, int rows, int col, int cols);

  /**
   * {@link KernelBackend#sgemmTiles} for any backend: the product computed whole by {@code k.sgemm}, in this
   * thread's workspace, then handed over one row at a time, rows ascending, on the calling thread.
   */
  static void byRows(KernelBackend k, boolean transA, boolean transB, int m, int n, int depth, float[] a, int aOff,
      int lda, float[] b, int bOff, int ldb, GemmTileSink sink) {
    float[] c = Workspace.local().floats(Workspace.Slot.GEMM_PRODUCT, m * n);
    k.sgemm(transA, transB, m, n, depth, 1f, a, aOff, lda, b, bOff, ldb, 0f, c, 0, n);
    for (int i = 0; i < m; i++) {
      sink.take(c, i * n, n, i, 1, 0, n);
    }
  }
}
