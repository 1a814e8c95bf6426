package dev.vgan.engine.kernel.simd;

import static dev.vgan.engine.kernel.simd.SimdMicroKernel.MR;
import static dev.vgan.engine.kernel.simd.SimdMicroKernel.NR;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Copies blocks of op(B), and the ragged last strip of op(A), into the layouts {@link SimdMicroKernel}
 * reads, zero-padding edges so the micro-kernel always runs on full tiles. Packing B turns every access
 * pattern (plain or transposed, any leading dimension) into the unit-stride vector stream the kernel
 * loads; full strips of A are read in place.
 */
final class SimdGemmPacking {
  private static final VectorSpecies<Float> S = SimdSpecies.FLOAT;
  private static final int L = S.length();

  private SimdGemmPacking() {}

  /**
   * Packs rows {@code [row0, row0 + mc)} × columns {@code [p0, p0 + kc)} of op(A) into
   * {@code ceil(mc / MR)} strips of {@code MR × kc}: {@code dst[s * MR * kc + p * MR + r]}.
   */
  static void packA(boolean transA, float[] a, int aOff, int lda, int row0, int mc, int p0, int kc, float[] dst) {
    for (int s = 0, i = 0; i < mc; s++, i += MR) {
      int rows = Math.min(MR, mc - i);
      int base = s * MR * kc;
      if (transA) {
        // op(A)[i][p] = a[p * lda + i]: each k step is a contiguous run of rows.
        for (int p = 0; p < kc; p++) {
          int src = aOff + (p0 + p) * lda + row0 + i;
          int d = base + p * MR;
          System.arraycopy(a, src, dst, d, rows);
          Arrays.fill(dst, d + rows, d + MR, 0f);
        }
      } else {
        // Walk k in the outer loop so the writes are sequential; the MR row streams are read in step.
        int src = aOff + (row0 + i) * lda + p0;
        for (int p = 0; p < kc; p++) {
          int d = base + p * MR;
          for (int r = 0; r < rows; r++) {
            dst[d + r] = a[src + r * lda + p];
          }
          for (int r = rows; r < MR; r++) {
            dst[d + r] = 0f;
          }
        }
      }
    }
  }

  /**
   * Packs rows {@code [p0, p0 + kc)} × columns {@code [col0, col0 + nc)} of op(B) into
   * {@code ceil(nc / NR)} strips: strip s holds columns {@code col0 + s * NR ...} as
   * {@code dst[s * kc * NR + p * NR + j]}, zero-padded past {@code nc}.
   */
  static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int col0, int nc, float[] dst) {
    int full = nc / NR, rest = nc - full * NR;
    if (transB) {
      // op(B)[p][j] = b[j * ldb + p]: read each column of op(B) as a contiguous row of B.
      for (int s = 0; s <= full; s++) {
        int cols = s < full ? NR : rest;
        if (cols == 0) {
          break;
        }
        int base = s * kc * NR;
        for (int j = 0; j < cols; j++) {
          int src = bOff + (col0 + s * NR + j) * ldb + p0;
          for (int p = 0; p < kc; p++) {
            dst[base + p * NR + j] = b[src + p];
          }
        }
        for (int j = cols; j < NR; j++) {
          for (int p = 0; p < kc; p++) {
            dst[base + p * NR + j] = 0f;
          }
        }
      }
      return;
    }
    // Row by row, so B is read sequentially; each row is dealt out to the strips two vectors at a time.
    for (int p = 0; p < kc; p++) {
      int src = bOff + (p0 + p) * ldb + col0;
      int d = p * NR;
      for (int s = 0; s < full; s++, src += NR, d += kc * NR) {
        FloatVector.fromArray(S, b, src).intoArray(dst, d);
        FloatVector.fromArray(S, b, src + L).intoArray(dst, d + L);
      }
      if (rest > 0) {
        System.arraycopy(b, src, dst, d, rest);
        Arrays.fill(dst, d + rest, d + NR, 0f);
      }
    }
  }
}
