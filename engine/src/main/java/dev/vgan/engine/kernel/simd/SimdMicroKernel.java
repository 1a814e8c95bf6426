package dev.vgan.engine.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SGEMM register tile: {@code C[MR×NR] = alpha · Ã[MR×kc] · B̃[kc×NR] + beta · C} from packed panels,
 * with {@code MR = 12} rows and {@code NR = 2} vectors of columns.
 *
 * <p>Why this shape: 12 rows × 2 vectors is 24 accumulators, plus two B vectors and one broadcast A
 * value — 27 of the 32 vector registers AVX-512 has, so nothing spills; each step issues 24 independent
 * FMAs, enough to cover the FMA latency on two pipes. The accumulators are locals, not an array,
 * because only locals live in registers. Larger tiles spill; unrolling the k loop by hand spills too.
 *
 * <p>Layouts: A is read in place, element (r, p) of the tile at {@code pa[aIdx + r * rowStride + p * kStride]}
 * — a row-major A (stride lda, 1), a transposed one (1, lda), or a packed, zero-padded strip (1, MR) at
 * the ragged bottom edge; reading A in place instead of packing it measured about 5% faster, since the
 * broadcasts need no particular layout. {@code B̃} is packed: for each k, NR contiguous values of one row of
 * B ({@code pb[bIdx + p * NR + j]}), zero-padded at the right edge.
 */
final class SimdMicroKernel {
  private static final VectorSpecies<Float> S = SimdSpecies.FLOAT;
  private static final int L = S.length();
  /** Rows of the register tile. */
  static final int MR = 12;
  /** Columns of the register tile: two vectors. */
  static final int NR = 2 * L;

  private SimdMicroKernel() {}


  /**
   * Computes one full tile {@code Σₚ A[r][p] · B̃[p][j]} into {@code tile[r * NR + j]}
   * ({@code r < MR, j < NR}); {@link SimdTileMerge} then writes it into C.
   */
  static void tile(float[] pa, int aIdx, int rowStride, int kStride, float[] pb, int bIdx, int kc,
      float[] tile) {
    FloatVector zero = FloatVector.zero(S);
    FloatVector c00 = zero, c01 = zero;
    FloatVector c10 = zero, c11 = zero;
    FloatVector c20 = zero, c21 = zero;
    FloatVector c30 = zero, c31 = zero;
    FloatVector c40 = zero, c41 = zero;
    FloatVector c50 = zero, c51 = zero;
    FloatVector c60 = zero, c61 = zero;
    FloatVector c70 = zero, c71 = zero;
    FloatVector c80 = zero, c81 = zero;
    FloatVector c90 = zero, c91 = zero;
    FloatVector c100 = zero, c101 = zero;
    FloatVector c110 = zero, c111 = zero;
    int a0 = aIdx + 0 * rowStride;
    int a1 = aIdx + 1 * rowStride;
    int a2 = aIdx + 2 * rowStride;
    int a3 = aIdx + 3 * rowStride;
    int a4 = aIdx + 4 * rowStride;
    int a5 = aIdx + 5 * rowStride;
    int a6 = aIdx + 6 * rowStride;
    int a7 = aIdx + 7 * rowStride;
    int a8 = aIdx + 8 * rowStride;
    int a9 = aIdx + 9 * rowStride;
    int a10 = aIdx + 10 * rowStride;
    int a11 = aIdx + 11 * rowStride;
    // One step of k: two vector loads of B, MR broadcasts of A, 2·MR independent FMAs.
    for (int p = 0; p < kc; p++) {
      int ap = p * kStride;
      int bp = bIdx + p * NR;
      FloatVector b0 = FloatVector.fromArray(S, pb, bp);
      FloatVector b1 = FloatVector.fromArray(S, pb, bp + L);
      FloatVector a;
      a = FloatVector.broadcast(S, pa[a0 + ap]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = FloatVector.broadcast(S, pa[a1 + ap]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = FloatVector.broadcast(S, pa[a2 + ap]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = FloatVector.broadcast(S, pa[a3 + ap]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      a = FloatVector.broadcast(S, pa[a4 + ap]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      a = FloatVector.broadcast(S, pa[a5 + ap]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
      a = FloatVector.broadcast(S, pa[a6 + ap]);
      c60 = a.fma(b0, c60);
      c61 = a.fma(b1, c61);
      a = FloatVector.broadcast(S, pa[a7 + ap]);
      c70 = a.fma(b0, c70);
      c71 = a.fma(b1, c71);
      a = FloatVector.broadcast(S, pa[a8 + ap]);
      c80 = a.fma(b0, c80);
      c81 = a.fma(b1, c81);
      a = FloatVector.broadcast(S, pa[a9 + ap]);
      c90 = a.fma(b0, c90);
      c91 = a.fma(b1, c91);
      a = FloatVector.broadcast(S, pa[a10 + ap]);
      c100 = a.fma(b0, c100);
      c101 = a.fma(b1, c101);
      a = FloatVector.broadcast(S, pa[a11 + ap]);
      c110 = a.fma(b0, c110);
      c111 = a.fma(b1, c111);
    }
    // The accumulators leave through plain stores to a small tile buffer: passing them to a helper that
    // is not inlined makes C2 box them in every k step (15 instead of 230 GFLOP/s), and merging them into
    // C here made the method too big for C1, which then left it at a profiling tier the JIT never leaves
    // (about 3 GFLOP/s, seen in roughly one run in four).
    c00.intoArray(tile, 0 * NR);
    c01.intoArray(tile, 0 * NR + L);
    c10.intoArray(tile, 1 * NR);
    c11.intoArray(tile, 1 * NR + L);
    c20.intoArray(tile, 2 * NR);
    c21.intoArray(tile, 2 * NR + L);
    c30.intoArray(tile, 3 * NR);
    c31.intoArray(tile, 3 * NR + L);
    c40.intoArray(tile, 4 * NR);
    c41.intoArray(tile, 4 * NR + L);
    c50.intoArray(tile, 5 * NR);
    c51.intoArray(tile, 5 * NR + L);
    c60.intoArray(tile, 6 * NR);
    c61.intoArray(tile, 6 * NR + L);
    c70.intoArray(tile, 7 * NR);
    c71.intoArray(tile, 7 * NR + L);
    c80.intoArray(tile, 8 * NR);
    c81.intoArray(tile, 8 * NR + L);
    c90.intoArray(tile, 9 * NR);
    c91.intoArray(tile, 9 * NR + L);
    c100.intoArray(tile, 10 * NR);
    c101.intoArray(tile, 10 * NR + L);
    c110.intoArray(tile, 11 * NR);
    c111.intoArray(tile, 11 * NR + L);
  }
}
