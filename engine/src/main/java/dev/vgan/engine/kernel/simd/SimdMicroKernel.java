package dev.vgan.engine.kernel.simd;

import dev.vgan.engine.kernel.EngineProperties;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SGEMM register tile: {@code tile[MR×NR] = Σₚ A[r][p] · B̃[p][j]} with {@code NR = 2} vectors of
 * columns and {@code MR} rows — 12 where the CPU has 32 vector registers (AVX-512, AArch64), 5 where it has
 * 16 (AVX2, SSE); {@link SimdTileMerge} then writes it into C.
 *
 * <p>Why these shapes: 12 rows × 2 vectors is 24 accumulators, plus 2 B vectors and the broadcast A
 * values C2 keeps live (up to three) — at most 29 of the 32 registers, so nothing spills; each k step issues
 * 24 independent FMAs against 2 vector loads and 12 broadcasts. With 16 registers that tile spills, and so
 * does BLIS's AVX2 shape, 6 × 2: 12 accumulators, 2 B vectors and three broadcasts are 17, so C2 keeps two
 * accumulators on the stack and every k step waits for their store-to-load round trip (both ran at 35
 * GFLOP/s at n = 1024 on an AVX2 EPYC, Zen 3, where OpenBLAS reaches 69). 5 × 2 is 15 and ran at 58–70.
 * The accumulators are locals, not an array, because only locals live in registers. Larger tiles spill;
 * unrolling the k loop by hand spills too.
 *
 * <p>Layouts: the strip of A has its MR rows side by side, element (r, p) at
 * {@code pa[aIdx + p * kStride + r]} — packed ({@code kStride = MR}) by {@link GemmOperandA}, which says
 * why, or a transposed A read in place ({@code kStride = lda}) — so every broadcast is at a constant offset
 * from one index. {@code B̃}
 * is packed: for each k, NR contiguous values of one row of B ({@code pb[bIdx + p * NR + j]}), zero-padded at
 * the right edge.
 */
final class SimdMicroKernel {
  private static final VectorSpecies<Float> S = SimdSpecies.FLOAT;
  private static final int L = S.length();
  /**
   * Rows of the register tile: {@link EngineProperties#MICRO_KERNEL_ROWS}, else by the register file — 32
   * registers where the JVM's widest vectors are 512 bits (AVX-512, even when {@code engine.vectorBits}
   * narrows the species) or on AArch64, 16 otherwise.
   */
  static final int MR = EngineProperties.MICRO_KERNEL_ROWS != 0 ? EngineProperties.MICRO_KERNEL_ROWS
      : FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512 || "aarch64".equals(System.getProperty("os.arch"))
          ? 12 : 5;
  /** Columns of the register tile: two vectors. */
  static final int NR = 2 * L;

  private SimdMicroKernel() {}

  /** Computes one full tile into {@code tile[r * NR + j]} ({@code r < MR, j < NR}). */
  static void tile(float[] pa, int aIdx, int kStride, float[] pb, int bIdx, int kc, float[] tile) {
    // MR is a constant to the JIT: the branch folds away.
    if (MR == 12) {
      tile12(pa, aIdx, kStride, pb, bIdx, kc, tile);
    } else {
      tile5(pa, aIdx, kStride, pb, bIdx, kc, tile);
    }
  }

  /**
   * The 5-row tile, for 16 vector registers. Written out beside {@link #tile12} rather than shared with it:
   * the accumulators must be locals to live in registers, and a 12-row tile built from passes of a smaller
   * one would stream B̃ from L2 once per pass.
   */
  private static void tile5(float[] pa, int aIdx, int kStride, float[] pb, int bIdx, int kc, float[] tile) {
    FloatVector zero = FloatVector.zero(S);
    FloatVector c0_0 = zero, c0_1 = zero;
    FloatVector c1_0 = zero, c1_1 = zero;
    FloatVector c2_0 = zero, c2_1 = zero;
    FloatVector c3_0 = zero, c3_1 = zero;
    FloatVector c4_0 = zero, c4_1 = zero;
    for (int p = 0; p < kc; p++) {
      int ap = aIdx + p * kStride;
      int bp = bIdx + p * NR;
      FloatVector b0 = FloatVector.fromArray(S, pb, bp);
      FloatVector b1 = FloatVector.fromArray(S, pb, bp + 1 * L);
      FloatVector a;
      a = FloatVector.broadcast(S, pa[ap + 0]);
      c0_0 = a.fma(b0, c0_0);
      c0_1 = a.fma(b1, c0_1);
      a = FloatVector.broadcast(S, pa[ap + 1]);
      c1_0 = a.fma(b0, c1_0);
      c1_1 = a.fma(b1, c1_1);
      a = FloatVector.broadcast(S, pa[ap + 2]);
      c2_0 = a.fma(b0, c2_0);
      c2_1 = a.fma(b1, c2_1);
      a = FloatVector.broadcast(S, pa[ap + 3]);
      c3_0 = a.fma(b0, c3_0);
      c3_1 = a.fma(b1, c3_1);
      a = FloatVector.broadcast(S, pa[ap + 4]);
      c4_0 = a.fma(b0, c4_0);
      c4_1 = a.fma(b1, c4_1);
    }
    c0_0.intoArray(tile, 0 * NR + 0 * L);
    c0_1.intoArray(tile, 0 * NR + 1 * L);
    c1_0.intoArray(tile, 1 * NR + 0 * L);
    c1_1.intoArray(tile, 1 * NR + 1 * L);
    c2_0.intoArray(tile, 2 * NR + 0 * L);
    c2_1.intoArray(tile, 2 * NR + 1 * L);
    c3_0.intoArray(tile, 3 * NR + 0 * L);
    c3_1.intoArray(tile, 3 * NR + 1 * L);
    c4_0.intoArray(tile, 4 * NR + 0 * L);
    c4_1.intoArray(tile, 4 * NR + 1 * L);
  }

  /** The 12-row tile, for 32 vector registers. */
  private static void tile12(float[] pa, int aIdx, int kStride, float[] pb, int bIdx, int kc, float[] tile) {
    FloatVector zero = FloatVector.zero(S);
    FloatVector c0_0 = zero, c0_1 = zero;
    FloatVector c1_0 = zero, c1_1 = zero;
    FloatVector c2_0 = zero, c2_1 = zero;
    FloatVector c3_0 = zero, c3_1 = zero;
    FloatVector c4_0 = zero, c4_1 = zero;
    FloatVector c5_0 = zero, c5_1 = zero;
    FloatVector c6_0 = zero, c6_1 = zero;
    FloatVector c7_0 = zero, c7_1 = zero;
    FloatVector c8_0 = zero, c8_1 = zero;
    FloatVector c9_0 = zero, c9_1 = zero;
    FloatVector c10_0 = zero, c10_1 = zero;
    FloatVector c11_0 = zero, c11_1 = zero;
    // One step of k: 2 vector loads of B, MR broadcasts of A, 24 independent FMAs.
    for (int p = 0; p < kc; p++) {
      int ap = aIdx + p * kStride;
      int bp = bIdx + p * NR;
      FloatVector b0 = FloatVector.fromArray(S, pb, bp);
      FloatVector b1 = FloatVector.fromArray(S, pb, bp + 1 * L);
      FloatVector a;
      a = FloatVector.broadcast(S, pa[ap + 0]);
      c0_0 = a.fma(b0, c0_0);
      c0_1 = a.fma(b1, c0_1);
      a = FloatVector.broadcast(S, pa[ap + 1]);
      c1_0 = a.fma(b0, c1_0);
      c1_1 = a.fma(b1, c1_1);
      a = FloatVector.broadcast(S, pa[ap + 2]);
      c2_0 = a.fma(b0, c2_0);
      c2_1 = a.fma(b1, c2_1);
      a = FloatVector.broadcast(S, pa[ap + 3]);
      c3_0 = a.fma(b0, c3_0);
      c3_1 = a.fma(b1, c3_1);
      a = FloatVector.broadcast(S, pa[ap + 4]);
      c4_0 = a.fma(b0, c4_0);
      c4_1 = a.fma(b1, c4_1);
      a = FloatVector.broadcast(S, pa[ap + 5]);
      c5_0 = a.fma(b0, c5_0);
      c5_1 = a.fma(b1, c5_1);
      a = FloatVector.broadcast(S, pa[ap + 6]);
      c6_0 = a.fma(b0, c6_0);
      c6_1 = a.fma(b1, c6_1);
      a = FloatVector.broadcast(S, pa[ap + 7]);
      c7_0 = a.fma(b0, c7_0);
      c7_1 = a.fma(b1, c7_1);
      a = FloatVector.broadcast(S, pa[ap + 8]);
      c8_0 = a.fma(b0, c8_0);
      c8_1 = a.fma(b1, c8_1);
      a = FloatVector.broadcast(S, pa[ap + 9]);
      c9_0 = a.fma(b0, c9_0);
      c9_1 = a.fma(b1, c9_1);
      a = FloatVector.broadcast(S, pa[ap + 10]);
      c10_0 = a.fma(b0, c10_0);
      c10_1 = a.fma(b1, c10_1);
      a = FloatVector.broadcast(S, pa[ap + 11]);
      c11_0 = a.fma(b0, c11_0);
      c11_1 = a.fma(b1, c11_1);
    }
    // The accumulators leave through plain stores to a small tile buffer: passing them to a helper that
    // is not inlined makes C2 box them in every k step (15 instead of 230 GFLOP/s), and merging them into
    // C here made the method too big for C1, which then could leave it at a profiling tier the JIT never
    // leaves (about 3 GFLOP/s, seen in roughly one run in four).
    c0_0.intoArray(tile, 0 * NR + 0 * L);
    c0_1.intoArray(tile, 0 * NR + 1 * L);
    c1_0.intoArray(tile, 1 * NR + 0 * L);
    c1_1.intoArray(tile, 1 * NR + 1 * L);
    c2_0.intoArray(tile, 2 * NR + 0 * L);
    c2_1.intoArray(tile, 2 * NR + 1 * L);
    c3_0.intoArray(tile, 3 * NR + 0 * L);
    c3_1.intoArray(tile, 3 * NR + 1 * L);
    c4_0.intoArray(tile, 4 * NR + 0 * L);
    c4_1.intoArray(tile, 4 * NR + 1 * L);
    c5_0.intoArray(tile, 5 * NR + 0 * L);
    c5_1.intoArray(tile, 5 * NR + 1 * L);
    c6_0.intoArray(tile, 6 * NR + 0 * L);
    c6_1.intoArray(tile, 6 * NR + 1 * L);
    c7_0.intoArray(tile, 7 * NR + 0 * L);
    c7_1.intoArray(tile, 7 * NR + 1 * L);
    c8_0.intoArray(tile, 8 * NR + 0 * L);
    c8_1.intoArray(tile, 8 * NR + 1 * L);
    c9_0.intoArray(tile, 9 * NR + 0 * L);
    c9_1.intoArray(tile, 9 * NR + 1 * L);
    c10_0.intoArray(tile, 10 * NR + 0 * L);
    c10_1.intoArray(tile, 10 * NR + 1 * L);
    c11_0.intoArray(tile, 11 * NR + 0 * L);
    c11_1.intoArray(tile, 11 * NR + 1 * L);
  }
}
