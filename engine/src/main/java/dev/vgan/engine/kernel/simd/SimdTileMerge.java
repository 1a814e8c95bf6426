package dev.vgan.engine.kernel.simd;

import dev.vgan.engine.kernel.ScalarSgemm;
import jdk.incubator.vector.FloatVector;
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
    // With beta = 0, C is not loaded at all, not even by a masked load: on AVX2 a masked load with every
    // lane off still waits for C's line, which for a C beyond L2 cost about 20 ns per tile at k = 256
    // (AVX2 EPYC). 0 · beta keeps the scalar formula's sign of zero.
    boolean readC = beta != 0f;
    FloatVector unread = FloatVector.broadcast(S, 0f * beta);
    for (int r = 0; r < mr; r++) {
      int t = tileOff + r * ldt, ci = cIdx + r * ldc;
      int j = 0;
      for (int bound = S.loopBound(nr); j < bound; j += L) {
        FloatVector scaledOld = readC ? FloatVector.fromArray(S, c, ci + j).mul(beta) : unread;
        scaledOld.add(FloatVector.fromArray(S, tile, t + j).mul(alpha)).intoArray(c, ci + j);
      }
      ScalarSgemm.mergeRow(tile, t + j, alpha, beta, c, ci + j, nr - j); // scalar tail
    }
  }
}
