package dev.vgan.engine.kernel;

/**
 * The reference SGEMM: {@code C[m×n] = alpha · op(A) · op(B) + beta · C}, row-major.
 *
 * <p>Each element's dot product is summed in order {@code p = 0..k-1} in float; the i-p-j loop order
 * keeps the innermost loop unit-stride over B and C so that even this reference runs at a useful speed
 * when the SIMD backend is unavailable.
 */
public final class ScalarSgemm {
  private ScalarSgemm() {}

  /** See {@link KernelBackend#sgemm}. */
  public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    product(m, n, k, alpha, a, starts(m, aOff, transA ? 1 : lda), transA ? lda : 1,
        b, starts(k, bOff, transB ? 1 : ldb), transB ? ldb : 1, beta, c, cOff, ldc);
  }

  /**
   * {@code B[p][j] = b[bRows[p] + bCols[j]]}, k × n, written whole into this thread's
   * {@link Workspace.Slot#GEMM_GATHERED_B}: see {@link KernelBackend#sgemmGathered}.
   */
  public static float[] gatherWhole(float[] b, int[] bRows, int[] bCols, int k, int n) {
    float[] whole = Workspace.local().floats(Workspace.Slot.GEMM_GATHERED_B, k * n);
    for (int p = 0; p < k; p++) {
      ScalarIm2col.gatherRow(b, bRows[p], bCols, 0, n, whole, p * n);
    }
    return whole;
  }

  /** See {@link KernelBackend#sgemmRowTable}. */
  public static void sgemmRowTable(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b,
      int[] bRows, float beta, float[] c, int cOff, int ldc) {
    product(m, n, k, alpha, a, starts(m, aOff, lda), 1, b, bRows, 1, beta, c, cOff, ldc);
  }

  /** See {@link KernelBackend#sgemmRowTableA}. */
  public static void sgemmRowTableA(int m, int n, int k, float alpha, float[] a, int[] aRows, boolean transB,
      float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    product(m, n, k, alpha, a, aRows, 1, b, starts(k, bOff, transB ? 1 : ldb), transB ? ldb : 1, beta, c, cOff,
        ldc);
  }

  /**
   * {@code C = alpha · A · B + beta · C} with {@code A(i, p) = a[aRows[i] + p · aStep]} and
   * {@code B(p, j) = b[bRows[p] + j · bStep]}: every layout above is one of these.
   */
  private static void product(int m, int n, int k, float alpha, float[] a, int[] aRows, int aStep, float[] b,
      int[] bRows, int bStep, float beta, float[] c, int cOff, int ldc) {
    if (k == 0 || alpha == 0f) {
      scaleC(beta, c, cOff, ldc, m, n);
      return;
    }
    float[] row = Workspace.local().floats(Workspace.Slot.SCALAR_ROW, n);
    for (int i = 0; i < m; i++) {
      java.util.Arrays.fill(row, 0, n, 0f);
      for (int p = 0; p < k; p++) {
        float aip = a[aRows[i] + p * aStep];
        int bRow = bRows[p];
        if (bStep == 1) {                   // kept apart: a plain unit-stride loop for the JIT
          for (int j = 0; j < n; j++) {
            row[j] += aip * b[bRow + j];
          }
        } else {
          for (int j = 0; j < n; j++) {
            row[j] += aip * b[bRow + j * bStep];
          }
        }
      }
      mergeRow(row, 0, alpha, beta, c, cOff + i * ldc, n);
    }
  }

  /** {@code off, off + stride, off + 2·stride, ...}: where each of {@code count} rows starts. */
  private static int[] starts(int count, int off, int stride) {
    int[] s = new int[count];
    for (int i = 0; i < count; i++) {
      s[i] = off + i * stride;
    }
    return s;
  }

  /** {@code C = beta · C} over an {@code m×n} block (BLAS: A and B are not read when alpha or k is 0). */
  public static void scaleC(float beta, float[] c, int cOff, int ldc, int m, int n) {
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      if (beta == 0f) {
        java.util.Arrays.fill(c, row, row + n, 0f); // BLAS: C is not read, so NaNs in it are overwritten
      } else {
        ScalarMaps.scale(beta, c, row, c, row, n);
      }
    }
  }

  /**
   * {@code c = beta · c + alpha · t} over {@code n} elements, not reading C when {@code beta == 0}.
   * The one formula every GEMM in the engine uses to write C, so that a tile's result does not depend
   * on which path wrote it.
   */
  public static void mergeRow(float[] t, int tOff, float alpha, float beta, float[] c, int cOff, int n) {
    for (int j = 0; j < n; j++) {
      float old = beta == 0f ? 0f : c[cOff + j];
      c[cOff + j] = old * beta + alpha * t[tOff + j];
    }
  }
}
