package dev.vgan.engine.kernel.simd;


import dev.vgan.engine.kernel.ScalarSoftmax;
import dev.vgan.engine.kernel.SoftmaxRows;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API row primitives for {@link SoftmaxRows}; tails finish in {@link ScalarSoftmax}. */
final class SimdSoftmax implements SoftmaxRows.RowKernels {
  static final SimdSoftmax INSTANCE = new SimdSoftmax();
  private static final VectorSpecies<Float> S = SimdSpecies.FLOAT;
  private static final int L = S.length();

  private SimdSoftmax() {}

  @Override
  public float max(float[] x, int xOff, int n) {
    return SimdReductions.max(x, xOff, n);
  }

  @Override
  public float expShifted(float[] x, int xOff, float max, float[] y, int yOff, int n) {
    int i = 0;
    FloatVector acc = FloatVector.zero(S);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector e = SimdMath.exp(FloatVector.fromArray(S, x, xOff + i).sub(max));
      e.intoArray(y, yOff + i);
      acc = acc.add(e);
    }
    return SimdSpecies.sumLanes(acc) + ScalarSoftmax.expShiftedRow(x, xOff + i, max, y, yOff + i, n - i); // scalar tail
  }

  @Override
  public float sumExpShifted(float[] x, int xOff, float max, int n) {
    int i = 0;
    FloatVector acc = FloatVector.zero(S);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      acc = acc.add(SimdMath.exp(FloatVector.fromArray(S, x, xOff + i).sub(max)));
    }
    return SimdSpecies.sumLanes(acc) + ScalarSoftmax.sumExpShiftedRow(x, xOff + i, max, n - i); // scalar tail
  }

  @Override
  public void scale(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    SimdMaps.scale(alpha, x, xOff, y, yOff, n);
  }

  @Override
  public void addScalar(float[] x, int xOff, float shift, float[] y, int yOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector.fromArray(S, x, xOff + i).add(shift).intoArray(y, yOff + i);
    }
    ScalarSoftmax.addScalarRow(x, xOff + i, shift, y, yOff + i, n - i); // scalar tail
  }
}
