package dev.vgan.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The deterministic exp, tanh and sigmoid against java.lang.Math in double, over their whole range. */
class ScalarMathTest {
  /** |ours − exact| in units of the float spacing at the exact value. */
  private static double ulps(float ours, double exact) {
    return Math.abs(ours - exact) / Math.ulp((float) exact);
  }

  @Test
  void expIsWithinTwoUlpsAndClampsInsteadOfOverflowing() {
    double worst = 0;
    for (float x = -87f; x <= 88f; x += 0.0037f) {
      worst = Math.max(worst, ulps(ScalarMath.exp(x), Math.exp(x)));
    }
    assertTrue(worst <= 2, "worst error " + worst + " ulp");
    assertEquals(1f, ScalarMath.exp(0f));
    assertEquals(ScalarMath.exp(88f), ScalarMath.exp(1000f));
    assertTrue(Float.isFinite(ScalarMath.exp(Float.POSITIVE_INFINITY)) && ScalarMath.exp(-1000f) > 0f);
    assertTrue(Float.isNaN(ScalarMath.exp(Float.NaN)));
  }

  @Test
  void tanhIsWithinThreeUlpsAndOdd() {
    double worst = 0;
    for (float x = -12f; x <= 12f; x += 0.00071f) {
      worst = Math.max(worst, ulps(ScalarMath.tanh(x), Math.tanh(x)));
      assertEquals(-ScalarMath.tanh(x), ScalarMath.tanh(-x));
    }
    assertTrue(worst <= 3, "worst error " + worst + " ulp");
    assertEquals(1e-30f, ScalarMath.tanh(1e-30f));
    assertEquals(1f, ScalarMath.tanh(50f));
    assertEquals(-1f, ScalarMath.tanh(Float.NEGATIVE_INFINITY));
    assertTrue(Float.isNaN(ScalarMath.tanh(Float.NaN)));
  }

  @Test
  void sigmoidIsWithinThreeUlpsWhereItIsNotTiny() {
    double worst = 0;
    for (float x = -30f; x <= 30f; x += 0.0013f) {
      worst = Math.max(worst, ulps(ScalarMath.sigmoid(x), 1 / (1 + Math.exp(-x))));
    }
    assertTrue(worst <= 3, "worst error " + worst + " ulp");
    assertEquals(0.5f, ScalarMath.sigmoid(0f));
    assertEquals(1f, ScalarMath.sigmoid(100f));
    assertTrue(ScalarMath.sigmoid(-100f) < 1e-37f);
  }
}
