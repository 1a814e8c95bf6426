package dev.vgan.engine.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
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
   * Computes one full tile; {@code c[cIdx + r * ldc + j]} for {@code r < MR, j < NR} is written with
   * {@code beta · c + alpha · acc} (C is not read when {@code beta == 0}).
   */
  static void tile(float[] pa, int aIdx, int rowStride, int kStride, float[] pb, int bIdx, int kc,
      float alpha, float beta, float[] c, int cIdx, int ldc) {
    FloatVector zero = FloatVector.zero(S);
    VectorMask<Float> readC = beta == 0f ? S.maskAll(false) : S.maskAll(true);
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
    // Written out here, not in a helper: passing the accumulators to a call that is not inlined makes
    // C2 box them in every k step (measured: 15 instead of 230 GFLOP/s). One store path for both
    // beta == 0 and beta != 0: a branch between two paths here halved the kernel's speed. With beta == 0
    // the masked load reads nothing (lanes are 0), so NaNs in C are overwritten as BLAS requires.
    // The formula is ScalarSgemm.mergeRow's, so edge tiles (merged in scalar) agree bit for bit.
    FloatVector.fromArray(S, c, cIdx + 0 * ldc, readC).mul(beta).add(c00.mul(alpha)).intoArray(c, cIdx + 0 * ldc);
    FloatVector.fromArray(S, c, cIdx + 0 * ldc + L, readC).mul(beta).add(c01.mul(alpha)).intoArray(c, cIdx + 0 * ldc + L);
    FloatVector.fromArray(S, c, cIdx + 1 * ldc, readC).mul(beta).add(c10.mul(alpha)).intoArray(c, cIdx + 1 * ldc);
    FloatVector.fromArray(S, c, cIdx + 1 * ldc + L, readC).mul(beta).add(c11.mul(alpha)).intoArray(c, cIdx + 1 * ldc + L);
    FloatVector.fromArray(S, c, cIdx + 2 * ldc, readC).mul(beta).add(c20.mul(alpha)).intoArray(c, cIdx + 2 * ldc);
    FloatVector.fromArray(S, c, cIdx + 2 * ldc + L, readC).mul(beta).add(c21.mul(alpha)).intoArray(c, cIdx + 2 * ldc + L);
    FloatVector.fromArray(S, c, cIdx + 3 * ldc, readC).mul(beta).add(c30.mul(alpha)).intoArray(c, cIdx + 3 * ldc);
    FloatVector.fromArray(S, c, cIdx + 3 * ldc + L, readC).mul(beta).add(c31.mul(alpha)).intoArray(c, cIdx + 3 * ldc + L);
    FloatVector.fromArray(S, c, cIdx + 4 * ldc, readC).mul(beta).add(c40.mul(alpha)).intoArray(c, cIdx + 4 * ldc);
    FloatVector.fromArray(S, c, cIdx + 4 * ldc + L, readC).mul(beta).add(c41.mul(alpha)).intoArray(c, cIdx + 4 * ldc + L);
    FloatVector.fromArray(S, c, cIdx + 5 * ldc, readC).mul(beta).add(c50.mul(alpha)).intoArray(c, cIdx + 5 * ldc);
    FloatVector.fromArray(S, c, cIdx + 5 * ldc + L, readC).mul(beta).add(c51.mul(alpha)).intoArray(c, cIdx + 5 * ldc + L);
    FloatVector.fromArray(S, c, cIdx + 6 * ldc, readC).mul(beta).add(c60.mul(alpha)).intoArray(c, cIdx + 6 * ldc);
    FloatVector.fromArray(S, c, cIdx + 6 * ldc + L, readC).mul(beta).add(c61.mul(alpha)).intoArray(c, cIdx + 6 * ldc + L);
    FloatVector.fromArray(S, c, cIdx + 7 * ldc, readC).mul(beta).add(c70.mul(alpha)).intoArray(c, cIdx + 7 * ldc);
    FloatVector.fromArray(S, c, cIdx + 7 * ldc + L, readC).mul(beta).add(c71.mul(alpha)).intoArray(c, cIdx + 7 * ldc + L);
    FloatVector.fromArray(S, c, cIdx + 8 * ldc, readC).mul(beta).add(c80.mul(alpha)).intoArray(c, cIdx + 8 * ldc);
    FloatVector.fromArray(S, c, cIdx + 8 * ldc + L, readC).mul(beta).add(c81.mul(alpha)).intoArray(c, cIdx + 8 * ldc + L);
    FloatVector.fromArray(S, c, cIdx + 9 * ldc, readC).mul(beta).add(c90.mul(alpha)).intoArray(c, cIdx + 9 * ldc);
    FloatVector.fromArray(S, c, cIdx + 9 * ldc + L, readC).mul(beta).add(c91.mul(alpha)).intoArray(c, cIdx + 9 * ldc + L);
    FloatVector.fromArray(S, c, cIdx + 10 * ldc, readC).mul(beta).add(c100.mul(alpha)).intoArray(c, cIdx + 10 * ldc);
    FloatVector.fromArray(S, c, cIdx + 10 * ldc + L, readC).mul(beta).add(c101.mul(alpha)).intoArray(c, cIdx + 10 * ldc + L);
    FloatVector.fromArray(S, c, cIdx + 11 * ldc, readC).mul(beta).add(c110.mul(alpha)).intoArray(c, cIdx + 11 * ldc);
    FloatVector.fromArray(S, c, cIdx + 11 * ldc + L, readC).mul(beta).add(c111.mul(alpha)).intoArray(c, cIdx + 11 * ldc + L);
  }
}
