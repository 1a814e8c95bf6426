package dev.vgan.engine.kernel.simd;

import static jdk.incubator.vector.VectorOperators.SQRT;

import dev.vgan.engine.kernel.AdamCoefficients;
import dev.vgan.engine.kernel.ScalarAdam;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused Adam update on vectors: one pass reads grad, param, m and v once and writes three of them.
 * Same operations in the same order as {@link ScalarAdam} (IEEE sqrt and division), so the two agree
 * bit for bit.
 */
final class SimdAdam {
  private static final VectorSpecies<Float> S = SimdSpecies.FLOAT;
  private static final int L = S.length();

  private SimdAdam() {}

  static void adamUpdate(AdamCoefficients k, float[] grad, float[] param, float[] m, float[] v, int off, int n) {
    boolean decay = k.weightDecay() != 0f;
    float shrink = 1f - k.lr() * k.weightDecay();
    int i = off;
    for (int bound = off + S.loopBound(n); i < bound; i += L) {
      FloatVector g = FloatVector.fromArray(S, grad, i);
      FloatVector p = FloatVector.fromArray(S, param, i);
      if (decay) {
        if (k.decoupled()) {
          p = p.mul(shrink);
        } else {
          g = g.add(p.mul(k.weightDecay()));
        }
      }
      FloatVector mi = FloatVector.fromArray(S, m, i).mul(k.beta1()).add(g.mul(k.oneMinusBeta1()));
      FloatVector vi = FloatVector.fromArray(S, v, i).mul(k.beta2()).add(g.mul(k.oneMinusBeta2()).mul(g));
      FloatVector denom = vi.lanewise(SQRT).div(k.bias2Sqrt()).add(k.eps());
      mi.intoArray(m, i);
      vi.intoArray(v, i);
      p.sub(mi.div(denom).mul(k.stepSize())).intoArray(param, i);
    }
    ScalarAdam.adamUpdate(k, grad, param, m, v, i, n - (i - off)); // scalar tail
  }
}
