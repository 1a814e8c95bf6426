package dev.vgan.engine.kernel.simd;

import dev.vgan.engine.kernel.ScalarIm2col;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** im2col/col2im rows with vector gather and scatter (AVX-512 {@code vgatherdps}/{@code vscatterdps}). */
final class SimdIm2colRows implements ScalarIm2col.Rows {
  static final SimdIm2colRows INSTANCE = new SimdIm2colRows();
  private static final VectorSpecies<Float> S = SimdSpecies.FLOAT;
  private static final int L = S.length();

  private SimdIm2colRows() {}

  @Override
  public void gather(float[] padded, int base, int[] offsets, int n, float[] cols, int dst) {
    int s = 0;
    for (int bound = S.loopBound(n); s < bound; s += L) {
      FloatVector.fromArray(S, padded, base, offsets, s).intoArray(cols, dst + s);
    }
    ScalarIm2col.gatherRow(padded, base, offsets, s, n, cols, dst); // scalar tail
  }

  @Override
  public void scatterAdd(float[] cols, int src, float[] padded, int base, int[] offsets, int n) {
    int s = 0;
    for (int bound = S.loopBound(n); s < bound; s += L) {     // offsets are distinct: no lane collides
      FloatVector old = FloatVector.fromArray(S, padded, base, offsets, s);
      old.add(FloatVector.fromArray(S, cols, src + s)).intoArray(padded, base, offsets, s);
    }
    ScalarIm2col.scatterAddRow(cols, src, padded, base, offsets, s, n); // scalar tail
  }
}
