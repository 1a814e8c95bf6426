package dev.vgan.engine.kernel.simd;

import dev.vgan.engine.kernel.EngineProperties;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
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

  private SimdSpecies() {}

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
