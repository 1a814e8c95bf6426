package dev.vgan.engine.kernel.simd;

import dev.vgan.engine.kernel.EngineProperties;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one float species every SIMD kernel uses, held in a {@code static final} so the JIT treats it as
 * a constant (a species passed around as a value defeats intrinsification and runs about 50x slower).
 */
final class SimdSpecies {
  /** {@code SPECIES_PREFERRED}, or the width forced by {@code engine.vectorBits}. */
  static final VectorSpecies<Float> FLOAT = choose(EngineProperties.VECTOR_BITS);

  /** Lanes per vector. */
  static final int LANES = FLOAT.length();

  /** Rotations by LANES/2, LANES/4, ..., 1: the fixed tree of {@link #sumLanes}. */
  private static final VectorShuffle<Float>[] FOLDS = folds();

  private SimdSpecies() {}

  @SuppressWarnings("unchecked")
  private static VectorShuffle<Float>[] folds() {
    int count = Integer.numberOfTrailingZeros(LANES);
    VectorShuffle<Float>[] f = new VectorShuffle[count];
    for (int i = 0, step = LANES / 2; step >= 1; i++, step /= 2) {
      f[i] = VectorShuffle.iota(FLOAT, step, 1, true);
    }
    return f;
  }

  /**
   * The sum of a vector's lanes in a fixed order (a tree of whole-vector adds). {@code reduceLanes(ADD)}
   * leaves the order unspecified, and its interpreted and compiled forms differ in the last bit, which
   * would make results depend on when the JIT compiled a kernel; every lane-wise add here is one IEEE
   * add in either form.
   */
  static float sumLanes(FloatVector v) {
    FloatVector acc = v;
    for (VectorShuffle<Float> fold : FOLDS) {
      acc = acc.add(acc.rearrange(fold));
    }
    return acc.lane(0);
  }

  private static VectorSpecies<Float> choose(int bits) {
    VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
    if (bits == 0) {
      return preferred;
    }
    if (bits != 128 && bits != 256 && bits != 512 || bits > preferred.vectorBitSize()) {
      throw new IllegalArgumentException("engine.vectorBits must be 128, 256 or 512 and at most this JVM's "
          + preferred.vectorBitSize() + ", got " + bits);
    }
    return VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
  }
}
