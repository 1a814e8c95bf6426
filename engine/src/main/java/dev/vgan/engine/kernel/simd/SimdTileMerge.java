package dev.vgan.engine.kernel.simd;

import dev.vgan.engine.kernel.ScalarSgemm;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Writes a computed register tile into C: {@code c = beta · c + alpha · tile} over its valid
 * {@code mr × nr} part (from {@code tile[tileOff]} on, rows {@code ldt} apart), with
 * {@link ScalarSgemm#mergeRow}'s formula so that every path through the GEMM gives the same bits. C is not
 * read when {@code beta == 0}.
 */
final class SimdTileMerge {
  private static final VectorSpecies<Float> S = SimdSpecies.FLOAT;
  private static final int L = S.length();

  private SimdTileMerge() {}

  static void merge(float[] tile, int tileOff, int ldt, int mr, int nr, float alpha, float beta, float[] c, int cIdx,
      int ldc) {
    // Masked loads read nothing when beta == 0 (lanes come back 0), so NaNs in C are overwritten; the
    // mask is computed without a branch.
    VectorMask<Float> readC = S.indexInRange(0, readLanes(beta));
    for (int r = 0; r < mr; r++) {
      int t = tileOff + r * ldt, ci = cIdx + r * ldc;
      int j = 0;
      for (int bound = S.loopBound(nr); j < bound; j += L) {
        FloatVector old = FloatVector.fromArray(S, c, ci + j, readC);
        old.mul(beta).add(FloatVector.fromArray(S, tile, t + j).mul(alpha)).intoArray(c, ci + j);
      }
      ScalarSgemm.mergeRow(tile, t + j, alpha, beta, c, ci + j, nr - j); // scalar tail
    }
  }

  /** 0 when C must not be read (beta = ±0), else a full vector. */
  private static int readLanes(float beta) {
    int magnitude = Float.floatToRawIntBits(beta) & 0x7fffffff;
    int nonZero = (magnitude | -magnitude) >>> 31; // 1 for any nonzero beta, NaN included
    return nonZero * L;
  }
}
