package dev.vgan.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vgan.engine.core.Tensor;
import org.junit.jupiter.api.Test;

/** Each loss against its formula, computed here in double. */
class AdversarialLossTest {
  private static final float[] REAL = {2.0f, -0.5f, 0.3f};
  private static final float[] FAKE = {-1.5f, 0.8f, 1.7f};

  private static double softplus(double x) {
    return Math.log1p(Math.exp(x));
  }

  private static double mean(float[] v, java.util.function.DoubleUnaryOperator f) {
    double s = 0;
    for (float x : v) {
      s += f.applyAsDouble(x);
    }
    return s / v.length;
  }

  private static float d(AdversarialLoss l) {
    return l.discriminator(Tensor.of(REAL.clone(), 3, 1), Tensor.of(FAKE.clone(), 3, 1)).item();
  }

  private static float g(AdversarialLoss l) {
    return l.generator(Tensor.of(FAKE.clone(), 3, 1)).item();
  }

  @Test
  void nonSaturatingIsBinaryCrossEntropyOnLogits() {
    assertEquals(mean(REAL, x -> softplus(-x)) + mean(FAKE, x -> softplus(x)), d(AdversarialLoss.NON_SATURATING), 1e-6);
    assertEquals(mean(FAKE, x -> softplus(-x)), g(AdversarialLoss.NON_SATURATING), 1e-6);
  }

  @Test
  void hingeAndWassersteinFollowTheirFormulas() {
    assertEquals(mean(REAL, x -> Math.max(0, 1 - x)) + mean(FAKE, x -> Math.max(0, 1 + x)), d(AdversarialLoss.HINGE), 1e-6);
    assertEquals(-mean(FAKE, x -> x), g(AdversarialLoss.HINGE), 1e-6);
    assertEquals(mean(FAKE, x -> x) - mean(REAL, x -> x), d(AdversarialLoss.WASSERSTEIN_GP), 1e-6);
    assertEquals(-mean(FAKE, x -> x), g(AdversarialLoss.WASSERSTEIN_GP), 1e-6);
  }

  @Test
  void namesParseAndUnknownOnesAreListed() {
    assertEquals(AdversarialLoss.WASSERSTEIN_GP, AdversarialLoss.parse("wasserstein-gp"));
    var e = assertThrows(IllegalArgumentException.class, () -> AdversarialLoss.parse("lsgan"));
    assertEquals("unknown loss 'lsgan'; expected one of [non-saturating, hinge, wasserstein-gp]", e.getMessage());
  }
}
