package dev.vgan.engine.kernel.simd;

import static dev.vgan.engine.kernel.simd.SimdMicroKernel.NR;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Copies blocks of op(B) into the layout {@link SimdMicroKernel} reads, zero-padding the right edge so
 * the micro-kernel always runs on full tiles: packing turns every access pattern (plain or transposed, any
 * leading dimension) into the unit-stride vector stream the kernel loads. A is packed by
 * {@link GemmOperandA}.
 */
final class SimdGemmPacking {
  private static final VectorSpecies<Float> S = SimdSpecies.FLOAT;
  private static final int L = S.length();

  private SimdGemmPacking() {}

  /**
   * Packs strips {@code [s0, s1)} of rows {@code [p0, p0 + kc)} × columns {@code [col0, col0 + nc)} of
   * op(B): strip s holds columns {@code col0 + s * NR ...} as {@code dst[s * kc * NR + p * NR + j]},
   * zero-padded past {@code nc}.
   */
  static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int col0, int nc,
      int s0, int s1, float[] dst) {
    int full = Math.min(nc / NR, s1), rest = s1 > nc / NR ? nc - (nc / NR) * NR : 0;
    if (transB) {
      // op(B)[p][j] = b[j * ldb + p]: read each column of op(B) as a contiguous row of B.
      for (int s = s0; s <= full && s < s1; s++) {
        int cols = s < full ? NR : rest;
        if (cols == 0) {
          break;
        }
        int base = s * kc * NR, first = bOff + (col0 + s * NR) * ldb + p0, p = 0;
        if (cols == NR && SimdTranspose.AVAILABLE) {
          // 16 × 16 blocks in registers: each half of the strip's 32 columns, 16 values of k at a time.
          for (; p + 16 <= kc; p += 16) {
            SimdTranspose.block16(b, first + p, ldb, 16, dst, base + p * NR, NR, SimdTranspose.ALL);
            SimdTranspose.block16(b, first + 16 * ldb + p, ldb, 16, dst, base + p * NR + 16, NR, SimdTranspose.ALL);
          }
        }
        for (int j = 0; j < cols; j++) {
          int src = first + j * ldb;
          for (int q = p; q < kc; q++) {
            dst[base + q * NR + j] = b[src + q];
          }
        }
        for (int j = cols; j < NR; j++) {
          for (int q = 0; q < kc; q++) {
            dst[base + q * NR + j] = 0f;
          }
        }
      }
      return;
    }
    // Row by row, so B is read sequentially; each row is dealt out to the strips two vectors at a time.
    for (int p = 0; p < kc; p++) {
      int src = bOff + (p0 + p) * ldb + col0 + s0 * NR;
      int d = s0 * kc * NR + p * NR;
      for (int s = s0; s < full; s++, src += NR, d += kc * NR) {
        FloatVector.fromArray(S, b, src).intoArray(dst, d);
        FloatVector.fromArray(S, b, src + L).intoArray(dst, d + L);
      }
      if (rest > 0) {
        System.arraycopy(b, src, dst, d, rest);
        Arrays.fill(dst, d + rest, d + NR, 0f);
      }
    }
  }

  /**
   * Packs strips {@code [s0, s1)} of B̃ (as {@link #packB}) from rows that start anywhere:
   * {@code B[p][j] = b[rows[p] + j]}, reading only {@code j < col0 + nc}.
   */
  static void packRows(float[] b, int[] rows, int p0, int kc, int col0, int nc, int s0, int s1, float[] dst) {
    for (int s = s0; s < s1; s++) {
      int cols = Math.min(NR, nc - s * NR), col = col0 + s * NR, base = s * kc * NR;
      for (int p = 0; p < kc; p++) {
        int src = rows[p0 + p] + col, d = base + p * NR;
        if (cols == NR) {
          FloatVector.fromArray(S, b, src).intoArray(dst, d);
          FloatVector.fromArray(S, b, src + L).intoArray(dst, d + L);
        } else {
          System.arraycopy(b, src, dst, d, cols);
          Arrays.fill(dst, d + cols, d + NR, 0f);
        }
      }
    }
  }

  /**
   * Packs strips {@code [s0, s1)} of B̃ (as {@link #packB}) gathered: {@code B[p][j] = b[rows[p] + cols[j]]},
   * reading only {@code j < col0 + nc}. im2col's column matrix, packed straight from the padded images.
   */
  static void packGathered(float[] b, int[] rows, int[] cols, int p0, int kc, int col0, int nc, int s0, int s1,
      float[] dst) {
    for (int s = s0; s < s1; s++) {
      int width = Math.min(NR, nc - s * NR), col = col0 + s * NR, base = s * kc * NR;
      for (int p = 0; p < kc; p++) {
        int start = rows[p0 + p], d = base + p * NR;
        if (width == NR) {
          FloatVector.fromArray(S, b, start, cols, col).intoArray(dst, d);
          FloatVector.fromArray(S, b, start, cols, col + L).intoArray(dst, d + L);
        } else {
          for (int j = 0; j < width; j++) {
            dst[d + j] = b[start + cols[col + j]];
          }
          Arrays.fill(dst, d + width, d + NR, 0f);
        }
      }
    }
  }
}
