package dev.vgan.engine.kernel.simd;

import static dev.vgan.engine.kernel.ScalarMath.EXP_HI;
import static dev.vgan.engine.kernel.ScalarMath.EXP_LO;
import static dev.vgan.engine.kernel.ScalarMath.EXP_POLY;
import static dev.vgan.engine.kernel.ScalarMath.LN2_HI;
import static dev.vgan.engine.kernel.ScalarMath.LN2_LO;
import static dev.vgan.engine.kernel.ScalarMath.LOG2E;
import static dev.vgan.engine.kernel.ScalarMath.ROUND_MAGIC;
import static dev.vgan.engine.kernel.ScalarMath.TANH_POLY;
import static dev.vgan.engine.kernel.ScalarMath.TANH_SMALL;

import dev.vgan.engine.kernel.ScalarMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScalarMath}'s exp, tanh and sigmoid on vectors: the same operations in the same order in every
 * lane (both tanh branches are computed and blended), so results equal the scalar twin's bit for bit.
 */
final class SimdMath {
  private static final VectorSpecies<Float> S = SimdSpecies.FLOAT;

  private SimdMath() {}

  static FloatVector exp(FloatVector x) {
    FloatVector c = x.max(EXP_LO).min(EXP_HI);
    FloatVector n = c.mul(LOG2E).add(ROUND_MAGIC).sub(ROUND_MAGIC);
    FloatVector r = c.sub(n.mul(LN2_HI));
    r = r.sub(n.mul(LN2_LO));
    FloatVector p = FloatVector.broadcast(S, EXP_POLY[0]);
    for (int i = 1; i < EXP_POLY.length; i++) {
      p = p.mul(r).add(EXP_POLY[i]);
    }
    FloatVector y = p.mul(r.mul(r)).add(r).add(1f);
    IntVector bits = ((IntVector) n.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
    return y.mul(bits.reinterpretAsFloats());
  }

  static FloatVector tanh(FloatVector x) {
    FloatVector a = x.abs();
    FloatVector z = x.mul(x);
    FloatVector p = FloatVector.broadcast(S, TANH_POLY[0]);
    for (int i = 1; i < TANH_POLY.length; i++) {
      p = p.mul(z).add(TANH_POLY[i]);
    }
    FloatVector small = p.mul(z).mul(x).add(x);
    FloatVector y = FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(exp(a.add(a)).add(1f)));
    FloatVector large = y.blend(y.neg(), x.compare(VectorOperators.LT, 0f));
    return large.blend(small, a.compare(VectorOperators.LT, TANH_SMALL));
  }

  static FloatVector sigmoid(FloatVector x) {
    return FloatVector.broadcast(S, 1f).div(exp(x.neg()).add(1f));
  }
}
