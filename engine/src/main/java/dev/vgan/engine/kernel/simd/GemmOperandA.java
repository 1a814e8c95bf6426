package dev.vgan.engine.kernel.simd;

import static dev.vgan.engine.kernel.simd.SimdMicroKernel.MR;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GEMM's left-hand matrix op(A), wherever it is stored — row-major, transposed ({@code transA}), or
 * as rows that start anywhere in {@code a} ({@code rows[i]}, when not null) — and the one routine that
 * packs strips of it into the layout {@link SimdMicroKernel} reads: {@code dst[p * MR + r]}, zero-padded
 * to MR rows.
 *
 * <p>Why A is always packed: read in place, each of the strip's MR rows needs its own index, bounds
 * check and, with the registers full of accumulators, a reload of that index from the stack — about 70
 * instructions per k step, more than a 6-wide Intel core issues in the 12 cycles its 24 FMAs take (the
 * micro-kernel ran at 145 of 171 GFLOP/s in L1 on a 2023 Xeon); packed, every broadcast is at a constant
 * offset from one index and C2 drops the bounds checks (166 GFLOP/s).
 */
record GemmOperandA(boolean transA, float[] a, int aOff, int lda, int[] rows) {
  private static final VectorSpecies<Float> S = SimdSpecies.FLOAT;
  /** The strip's MR lanes of a 16-lane vector (only used at 512 bits). */
  private static final VectorMask<Float> STRIP = S.indexInRange(0, MR);

  /** Whether a strip of op(A) already has the packed layout with k stride lda (A stored transposed). */
  boolean transposedInPlace() {
    return transA && rows == null;
  }

  /** Where, in {@code a}, the in-place strip at rows {@code row0..} and columns {@code p0..} starts (k stride lda). */
  int inPlaceIndex(int row0, int p0) {
    return aOff + p0 * lda + row0;
  }

  /**
   * Packs the strips {@code [s0, s1)} of rows {@code [0, m)} by columns {@code [p0, p0 + kc)}: strip s (rows
   * {@code s·MR ..}) as {@link #pack} would, at {@code dst[dstOff + s · MR · kc]}.
   *
   * <p>Why not strip by strip when A is stored transposed: a strip's column p is 12 floats in row p of the
   * stored A, so one strip reads a line from each of kc rows (kc pages at n = 1024) and the next strip
   * comes back for most of the same lines. Here 16 values of k are packed for every strip before the next
   * 16, so the 16 rows' lines are read once, in order.
   */
  void packStrips(int m, int p0, int kc, float[] dst, int dstOff, int s0, int s1) {
    if (!transposedInPlace()) {
      for (int s = s0; s < s1; s++) {
        pack(s * MR, Math.min(MR, m - s * MR), p0, kc, dst, dstOff + s * MR * kc);
      }
      return;
    }
    for (int pb = 0; pb < kc; pb += 16) {
      for (int s = s0; s < s1; s++) {
        copyTransposed(s * MR, m, p0, pb, Math.min(kc, pb + 16), dst, dstOff + s * MR * kc);
      }
    }
  }

  /**
   * For a transposed A: columns {@code p0 + [pFrom, pTo)} of the strip at rows {@code row0 ..} to
   * {@code dst[base + p * MR + r]}, rows at or past {@code rowLimit} as zeros. Column p of the strip is
   * contiguous in A: masked loads and masked stores, one of each per p and vector of rows (one at 512 bits).
   */
  private void copyTransposed(int row0, int rowLimit, int p0, int pFrom, int pTo, float[] dst, int base) {
    for (int r = 0; r < MR; r += S.length()) {
      VectorMask<Float> valid = S.indexInRange(row0 + r, rowLimit), inStrip = S.indexInRange(r, MR);
      for (int p = pFrom; p < pTo; p++) {
        FloatVector.fromArray(S, a, aOff + (p0 + p) * lda + row0 + r, valid).intoArray(dst, base + p * MR + r, inStrip);
      }
    }
  }

  /**
   * Packs rows {@code [row0, row0 + count)}, {@code count ≤ MR}, by columns {@code [p0, p0 + kc)} of op(A)
   * to {@code dst[dstOff + p * MR + r]}; writes exactly {@code MR · kc} floats.
   */
  void pack(int row0, int count, int p0, int kc, float[] dst, int dstOff) {
    if (transposedInPlace()) {
      copyTransposed(row0, row0 + count, p0, 0, kc, dst, dstOff);
      return;
    }
    int p = 0;
    if (rows == null && SimdTranspose.AVAILABLE) {
      // 16 values of k at a time through a register transpose; rows past count come out as zeros.
      int src = aOff + row0 * lda + p0;
      for (; p + 16 <= kc; p += 16) {
        SimdTranspose.block16(a, src + p, lda, count, dst, dstOff + p * MR, MR, STRIP);
      }
    }
    for (int r = 0; r < MR; r++) {
      int src = r >= count ? -1 : rows != null ? rows[row0 + r] + p0 : aOff + (row0 + r) * lda + p0;
      for (int q = p; q < kc; q++) {
        dst[dstOff + q * MR + r] = src < 0 ? 0f : a[src + q];
      }
    }
  }
}
