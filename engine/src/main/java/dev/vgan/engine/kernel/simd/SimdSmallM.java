package dev.vgan.engine.kernel.simd;

import dev.vgan.engine.kernel.Parallel;
import dev.vgan.engine.kernel.ScalarSgemm;
import dev.vgan.engine.kernel.Workspace;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SGEMM for a few rows of C ({@code m ≤ MAX_ROWS}: a batch-1 or batch-2 layer), without packing B: at
 * such sizes packing B costs more than the product (a batch-1 Linear(100, 12544) spent most of its time
 * in it). The same kernel takes a few columns ({@link #sgemmFewColumns}, as the transposed product: a
 * Linear with one output, W2's D head) and a shallow product ({@link #sgemmShallow}, a few rows at a time:
 * that head's input gradient). Each row of C is a set of dot products ({@code op(B) = Bᵀ}, rows of B
 * contiguous) or a sum of scaled rows of B ({@code op(B) = B}); columns of C are split over the threads, and
 * every element's arithmetic is fixed by its position, so the result does not depend on the thread count. C
 * is written with the tile merge's formula.
 */
final class SimdSmallM {
  /** Largest m this path takes. */
  static final int MAX_ROWS = 4;
  private static final VectorSpecies<Float> S = SimdSpecies.FLOAT;
  private static final int L = S.length();
  /** Elements of B below which a second thread costs more than it saves. */
  private static final long MIN_B_PER_TASK = 1L << 16;
  /** Columns of C per task, and per block of the row sums. */
  private static final int BLOCK = 512;

  private SimdSmallM() {}

  /** Threads for a product that streams {@code elements} floats: one per {@link #MIN_B_PER_TASK} of them. */
  static int tasksFor(long elements) {
    return (int) Math.max(1, Math.min(Parallel.threads(), elements / MIN_B_PER_TASK));
  }

  static void sgemm(boolean transA, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
      boolean transB, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc, int tasks) {
    // A's m rows, contiguous (copied when A is stored transposed; at most 4·k floats).
    float[] rowsA = a;
    int rowsOff = aOff, rowStride = lda;
    if (transA) {
      rowsA = Workspace.local().floats(Workspace.Slot.GEMM_PACKED_A, m * k);
      for (int i = 0; i < m; i++) {
        for (int p = 0; p < k; p++) {
          rowsA[i * k + p] = a[aOff + p * lda + i];
        }
      }
      rowsOff = 0;
      rowStride = k;
    }
    float[] ra = rowsA;
    int ro = rowsOff, rs = rowStride;
    Parallel.forRange(n, BLOCK, tasks, (j0, j1) -> {
      float[] t = Workspace.local().floats(Workspace.Slot.GEMM_TILE, MAX_ROWS * BLOCK);
      for (int jb = j0; jb < j1; jb += BLOCK) {
        int len = Math.min(BLOCK, j1 - jb);
        for (int i = 0; i < m; i++) {
          if (transB) {
            int j = 0;
            for (; j + 4 <= len; j += 4) {
              dot4(ra, ro + i * rs, b, bOff + (jb + j) * ldb, ldb, k, t, i * BLOCK + j);
            }
            for (; j < len; j++) {
              t[i * BLOCK + j] = dot(ra, ro + i * rs, b, bOff + (jb + j) * ldb, k);
            }
          } else {
            rowCombination(ra, ro + i * rs, b, bOff + jb, ldb, k, len, t, i * BLOCK);
          }
        }
        SimdTileMerge.merge(t, 0, BLOCK, m, len, alpha, beta, c, cOff + jb, ldc);
      }
    });
  }

  /**
   * {@link #sgemm}'s product for a few columns of C ({@code n ≤ MAX_ROWS}): {@code Cᵀ = op(B)ᵀ · op(A)ᵀ} has
   * a few rows, so it is computed by {@link #sgemm} into this thread's workspace and merged back transposed.
   * The blocked GEMM would pad each row of C to a whole register tile (16 or 32 columns for one) and pack
   * A: W2's Linear(6272, 1) forward took 0.5 ms for 0.8 MFLOP that way.
   */
  static void sgemmFewColumns(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
      int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc, int tasks) {
    float[] t = Workspace.local().floats(Workspace.Slot.GEMM_FEW_COLUMNS, n * m);
    // op(B)ᵀ is B as stored when transB, B read transposed otherwise; likewise op(A)ᵀ.
    sgemm(!transB, n, m, k, 1f, b, bOff, ldb, !transA, a, aOff, lda, 0f, t, 0, m, tasks);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        ScalarSgemm.mergeRow(t, j * m + i, alpha, beta, c, cOff + i * ldc + j, 1);
      }
    }
  }

  /**
   * {@link #sgemm}'s product for a shallow one ({@code k ≤ MAX_ROWS}, any m): groups of {@code MAX_ROWS} rows of
   * C, each a few-rows product on one thread, the groups over {@code tasks} threads. The blocked GEMM would merge
   * a whole register tile into C for every k FMAs: W2's Linear(6272, 1) input gradient (k = 1) took 0.4 ms.
   */
  static void sgemmShallow(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
      int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc, int tasks) {
    Parallel.forRange(Math.ceilDiv(m, MAX_ROWS), 1, tasks, (g0, g1) -> {
      for (int g = g0; g < g1; g++) {
        int i0 = g * MAX_ROWS, rows = Math.min(MAX_ROWS, m - i0);
        sgemm(transA, rows, n, k, alpha, a, aOff + (transA ? i0 : i0 * lda), lda, transB, b, bOff, ldb, beta, c,
            cOff + i0 * ldc, ldc, 1);
      }
    });
  }

  /** {@code Σ x[xo + p] · y[yo + p]} for p in [0, k): two FMA chains, then the scalar tail. */
  private static float dot(float[] x, int xo, float[] y, int yo, int k) {
    FloatVector acc0 = FloatVector.zero(S), acc1 = FloatVector.zero(S);
    int p = 0;
    for (int bound = k - 2 * L; p <= bound; p += 2 * L) {
      acc0 = FloatVector.fromArray(S, x, xo + p).fma(FloatVector.fromArray(S, y, yo + p), acc0);
      acc1 = FloatVector.fromArray(S, x, xo + p + L).fma(FloatVector.fromArray(S, y, yo + p + L), acc1);
    }
    for (int bound = S.loopBound(k); p < bound; p += L) {
      acc0 = FloatVector.fromArray(S, x, xo + p).fma(FloatVector.fromArray(S, y, yo + p), acc0);
    }
    float sum = SimdSpecies.sumLanes(acc0.add(acc1));
    for (; p < k; p++) {                                                    // scalar tail
      sum += x[xo + p] * y[yo + p];
    }
    return sum;
  }

  /**
   * Four dot products of x with consecutive rows of B, {@code t[to + q] = Σₚ x[xo + p] · b[bo + q·ldb + p]}
   * for q < 4: one FMA chain per row, so each x vector is loaded once for four rows and four chains hide the
   * FMA latency (a batch-1 Linear(100, 12544): about 20% faster than one row at a time).
   */
  private static void dot4(float[] x, int xo, float[] b, int bo, int ldb, int k, float[] t, int to) {
    FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
    int r0 = bo, r1 = bo + ldb, r2 = r1 + ldb, r3 = r2 + ldb;
    int p = 0;
    for (int bound = S.loopBound(k); p < bound; p += L) {
      FloatVector xv = FloatVector.fromArray(S, x, xo + p);
      a0 = FloatVector.fromArray(S, b, r0 + p).fma(xv, a0);
      a1 = FloatVector.fromArray(S, b, r1 + p).fma(xv, a1);
      a2 = FloatVector.fromArray(S, b, r2 + p).fma(xv, a2);
      a3 = FloatVector.fromArray(S, b, r3 + p).fma(xv, a3);
    }
    float s0 = SimdSpecies.sumLanes(a0), s1 = SimdSpecies.sumLanes(a1);
    float s2 = SimdSpecies.sumLanes(a2), s3 = SimdSpecies.sumLanes(a3);
    for (; p < k; p++) {                                                    // scalar tail
      float xp = x[xo + p];
      s0 += xp * b[r0 + p];
      s1 += xp * b[r1 + p];
      s2 += xp * b[r2 + p];
      s3 += xp * b[r3 + p];
    }
    t[to] = s0;
    t[to + 1] = s1;
    t[to + 2] = s2;
    t[to + 3] = s3;
  }

  /** {@code t[to + j] = Σ_p x[xo + p] · b[bo + p·ldb + j]} for j in [0, len). */
  private static void rowCombination(float[] x, int xo, float[] b, int bo, int ldb, int k, int len, float[] t,
      int to) {
    java.util.Arrays.fill(t, to, to + len, 0f);
    for (int p = 0; p < k; p++) {
      float s = x[xo + p];
      FloatVector sv = FloatVector.broadcast(S, s);
      int row = bo + p * ldb;
      int j = 0;
      for (int bound = S.loopBound(len); j < bound; j += L) {
        FloatVector.fromArray(S, b, row + j).fma(sv, FloatVector.fromArray(S, t, to + j)).intoArray(t, to + j);
      }
      for (; j < len; j++) {                                                // scalar tail
        t[to + j] = Math.fma(b[row + j], s, t[to + j]);
      }
    }
  }
}
