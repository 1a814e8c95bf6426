package dev.vgan.engine.testing;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gradient checks: analytic gradients from {@code backward()} against central finite differences
 * evaluated in double, and the fused backward against the recording (second-order) one.
 */
public final class GradCheck {
  /** Coordinates checked per tensor at most (chosen at random, seeded); small tensors are checked whole. */
  private static final int MAX_PROBES = 48;

  private GradCheck() {}

  /**
   * Asserts that {@code loss}'s gradient with respect to each of {@code wrt} matches
   * {@code (f(x + eps) − f(x − eps)) / 2eps} within {@code relTol · max(|num|, |ana|) + absTol}, where
   * {@code absTol = relTol · 1e-2 · max|gradient|} of that tensor (for coordinates whose gradient is tiny).
   */
  public static void assertMatches(Supplier<Tensor> loss, List<Tensor> wrt, double eps, double relTol) {
    for (Tensor t : wrt) {
      t.zeroGrad();
    }
    loss.get().backward();
    List<float[]> analytic = new ArrayList<>();
    for (Tensor t : wrt) {
      // No gradient reached it: the analytic answer is zero, which the differences must confirm.
      analytic.add(t.grad() == null ? new float[t.numel()] : t.grad().data().clone());
    }
    Rng rng = Rng.seeded(12345);
    for (int w = 0; w < wrt.size(); w++) {
      Tensor t = wrt.get(w);
      float[] ana = analytic.get(w);
      double scale = 0;
      for (float v : ana) {
        scale = Math.max(scale, Math.abs(v));
      }
      float[] x = t.data();
      int probes = Math.min(MAX_PROBES, x.length);
      for (int p = 0; p < probes; p++) {
        int i = x.length <= MAX_PROBES ? p : rng.nextInt(x.length);
        float saved = x[i];
        x[i] = (float) (saved + eps);
        double up = loss.get().item();
        x[i] = (float) (saved - eps);
        double down = loss.get().item();
        x[i] = saved;
        double num = (up - down) / (2 * eps);
        double tol = relTol * Math.max(Math.abs(num), Math.abs(ana[i])) + relTol * 1e-2 * scale + 1e-6;
        if (!(Math.abs(num - ana[i]) <= tol)) {
          throw new AssertionError(String.format(
              "gradient of tensor #%d %s at flat index %d: analytic %.6g, finite difference %.6g (tol %.3g)",
              w, t.shape(), i, ana[i], num, tol));
        }
      }
    }
  }

  /**
   * Asserts that the fused backward and the recording backward ({@code createGraph}) give the same
   * gradients, within {@code tol · max|g|}.
   */
  public static void assertPathsAgree(Supplier<Tensor> loss, List<Tensor> wrt, double tol) {
    List<Tensor> fused = Autograd.grad(loss.get(), wrt, false);
    List<Tensor> graph = Autograd.grad(loss.get(), wrt, true);
    for (int w = 0; w < wrt.size(); w++) {
      float[] a = fused.get(w).data(), b = graph.get(w).data();
      double scale = 1e-30;
      for (float v : a) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int i = 0; i < a.length; i++) {
        if (!(Math.abs(a[i] - b[i]) <= tol * scale)) {
          throw new AssertionError(String.format("tensor #%d %s index %d: fused %.6g, recorded %.6g",
              w, wrt.get(w).shape(), i, a[i], b[i]));
        }
      }
    }
  }

  /** {@code Σ y ⊙ r} for a fixed random {@code r}: a scalar whose gradient exercises every element of y. */
  public static Tensor project(Tensor y, long seed) {
    Tensor r = Tensor.randn(Rng.seeded(seed), y.shape().dims());
    return dev.vgan.engine.ops.Ops.sum(dev.vgan.engine.ops.Ops.mul(y, r));
  }

  /** Uniform values in [lo, hi) with random sign, as a leaf that requires a gradient. */
  public static Tensor param(Rng rng, float lo, float hi, boolean signed, int... dims) {
    Tensor t = Tensor.uniform(rng, lo, hi, dims);
    if (signed) {
      float[] d = t.data();
      for (int i = 0; i < d.length; i++) {
        if (rng.nextFloat() < 0.5f) {
          d[i] = -d[i];
        }
      }
    }
    return t.requiresGrad(true);
  }
}
