package dev.vgan.engine.core;

import static dev.vgan.engine.ops.Ops.add;
import static dev.vgan.engine.ops.Ops.mul;
import static dev.vgan.engine.ops.Ops.sum;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.testing.GradCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutogradTest {
  @Test
  void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
    Tensor x = Tensor.of(new float[] {1, 2, 3}, 3).requiresGrad(true);
    sum(mul(x, x)).backward();
    sum(mul(x, x)).backward();
    assertArrayEquals(new float[] {4, 8, 12}, x.grad().data());
    x.zeroGrad();
    sum(x).backward();
    assertArrayEquals(new float[] {1, 1, 1}, x.grad().data());
  }

  @Test
  void aTensorUsedTwiceReceivesBothContributions() {
    Tensor x = Tensor.of(new float[] {2, -1}, 2).requiresGrad(true);
    Tensor y = add(mul(x, 3f), mul(x, x));                 // dy/dx = 3 + 2x
    sum(y).backward();
    assertArrayEquals(new float[] {7, 1}, x.grad().data());
  }

  @Test
  void noGradScopeRecordsNothingAndDetachCutsTheGraph() {
    Tensor x = Tensor.ones(2).requiresGrad(true);
    try (var s = Autograd.noGrad()) {
      assertFalse(Autograd.isEnabled());
      assertFalse(mul(x, 2f).requiresGrad());
    }
    assertTrue(Autograd.isEnabled());
    Tensor d = mul(x, 2f).detach();
    assertTrue(d.isLeaf());
    assertFalse(d.requiresGrad());
    assertThrows(IllegalStateException.class, () -> sum(d).backward());
  }

  @Test
  void gradLeavesAccumulatedGradientsAlone() {
    Tensor x = Tensor.of(new float[] {1, 2}, 2).requiresGrad(true);
    Tensor w = Tensor.of(new float[] {3, 4}, 2).requiresGrad(true);
    List<Tensor> g = Autograd.grad(sum(mul(x, w)), List.of(x), false);
    assertArrayEquals(new float[] {3, 4}, g.get(0).data());
    assertNull(x.grad());
    assertNull(w.grad());
  }

  @Test
  void secondOrderGradientOfACubeIsSixX() {
    Tensor x = Tensor.of(new float[] {1, -2, 0.5f}, 3).requiresGrad(true);
    Tensor dx = Autograd.grad(sum(mul(mul(x, x), x)), List.of(x), true).get(0);   // 3x²
    assertArrayEquals(new float[] {3, 12, 0.75f}, dx.data(), 1e-6f);
    sum(dx).backward();                                                            // d/dx Σ 3x² = 6x
    assertArrayEquals(new float[] {6, -12, 3}, x.grad().data(), 1e-5f);
  }

  @Test
  void createGraphRefusesAnOpWithoutARecordedBackward() {
    Tensor w = Tensor.ones(4, 3).requiresGrad(true);
    Tensor y = sum(dev.vgan.engine.ops.Ops.embedding(w, new int[] {1, 2}));
    assertThrows(UnsupportedOperationException.class, () -> Autograd.grad(y, List.of(w), true));
  }

  @Test
  void gradientCheckCatchesAWrongBackward() {
    Tensor x = Tensor.of(new float[] {0.3f, -0.7f}, 2).requiresGrad(true);
    // y = 2x, but the recorded backward claims dy/dx = 3.
    java.util.function.Supplier<Tensor> wrong = () -> {
      Tensor y = Tensor.of(new float[] {2 * x.data()[0], 2 * x.data()[1]}, 2);
      return sum(Autograd.record("wrong", y, (gy, g) -> {
        float[] gx = g.of(x).data();
        for (int i = 0; i < 2; i++) {
          gx[i] += 3 * gy.data()[i];
        }
      }, null, x));
    };
    assertThrows(AssertionError.class, () -> GradCheck.assertMatches(wrong, List.of(x), 1e-2, 1e-2));
  }

  @Test
  void rngStateRoundTripsAndDiffersBySeed() {
    Rng a = Rng.seeded(42);
    a.nextLong();
    Rng b = Rng.fromState(a.state());
    for (int i = 0; i < 5; i++) {
      assertTrue(a.nextLong() == b.nextLong());
    }
    assertFalse(Rng.seeded(1).nextLong() == Rng.seeded(2).nextLong());
  }

  @Test
  void normalDrawsHaveUnitMomentsAndUniformDrawsStayInRange() {
    Rng rng = Rng.seeded(3);
    int n = 200_000;
    double s = 0, s2 = 0;
    for (int i = 0; i < n; i++) {
      double v = rng.nextGaussian();
      s += v;
      s2 += v * v;
    }
    // Standard errors: mean 1/√n ≈ 0.0022, variance √(2/n) ≈ 0.0032; five of them.
    assertTrue(Math.abs(s / n) < 0.012, "mean " + s / n);
    assertTrue(Math.abs(s2 / n - 1) < 0.016, "variance " + s2 / n);
    for (int i = 0; i < 10_000; i++) {
      float u = rng.nextFloat();
      assertTrue(u >= 0f && u < 1f);
      int k = rng.nextInt(7);
      assertTrue(k >= 0 && k < 7);
    }
  }
}
