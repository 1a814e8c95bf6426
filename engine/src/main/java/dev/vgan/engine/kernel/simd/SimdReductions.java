package dev.vgan.engine.kernel.simd;

import static jdk.incubator.vector.VectorOperators.MAX;

import dev.vgan.engine.kernel.ScalarReductions;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API reductions: lane-wise partial results across the body, one horizontal reduction, then
 * the reference kernel on the tail. The summation order differs from the scalar twin's, so results
 * agree within a tolerance that grows with {@code n}.
 */
final class SimdReductions {
  private static final VectorSpecies<Float> S = SimdSpecies.FLOAT;
  private static final int L = S.length();

  private SimdReductions() {}

  static float sum(float[] x, int xOff, int n) {
    int i = 0;
    FloatVector acc = FloatVector.zero(S);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      acc = acc.add(FloatVector.fromArray(S, x, xOff + i));
    }
    return SimdSpecies.sumLanes(acc) + ScalarReductions.sum(x, xOff + i, n - i); // scalar tail
  }

  static float sumSquares(float[] x, int xOff, float center, int n) {
    int i = 0;
    FloatVector acc = FloatVector.zero(S);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector d = FloatVector.fromArray(S, x, xOff + i).sub(center);
      acc = d.fma(d, acc);
    }
    return SimdSpecies.sumLanes(acc) + ScalarReductions.sumSquares(x, xOff + i, center, n - i); // scalar tail
  }

  static float dotCentered(float[] g, int gOff, float[] x, int xOff, float center, int n) {
    int i = 0;
    FloatVector acc = FloatVector.zero(S);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector d = FloatVector.fromArray(S, x, xOff + i).sub(center);
      acc = FloatVector.fromArray(S, g, gOff + i).fma(d, acc);
    }
    return SimdSpecies.sumLanes(acc) + ScalarReductions.dotCentered(g, gOff + i, x, xOff + i, center, n - i); // tail
  }

  static float max(float[] x, int xOff, int n) {
    int i = 0;
    FloatVector acc = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      acc = acc.max(FloatVector.fromArray(S, x, xOff + i));
    }
    return Math.max(acc.reduceLanes(MAX), ScalarReductions.max(x, xOff + i, n - i)); // scalar tail
  }
}
