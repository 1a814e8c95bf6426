package dev.vgan.engine.ops;

import static dev.vgan.engine.ops.OpSupport.k;
import static dev.vgan.engine.ops.OpSupport.require;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Shape;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.kernel.Parallel;

/**
 * Sums and their adjoints. Every reduction here is one pattern: view the input as
 * {@code (outer, mid, inner)} and sum over {@code outer} and {@code inner}, keeping {@code mid}; its
 * gradient is the broadcast back, whose gradient is the sum again — so both record for second order.
 */
public final class ReduceOps {
  private ReduceOps() {}

  /** The sum of all elements, shape {@code ()}. */
  public static Tensor sum(Tensor x) {
    return sumKeeping(x, x.numel(), 1, 1, Shape.of());
  }

  /** The mean of all elements, shape {@code ()}. */
  public static Tensor mean(Tensor x) {
    require(x.numel() > 0, "mean: empty tensor %s", x.shape());
    return ElementwiseOps.mulScalar(sum(x), 1f / x.numel());
  }

  /** Sums over dimension {@code dim}, which is removed: {@code (2, 3, 4)} summed over 1 is {@code (2, 4)}. */
  public static Tensor sum(Tensor x, int dim) {
    int[] dims = x.shape().dims();
    int d = dim < 0 ? dims.length + dim : dim;
    require(d >= 0 && d < dims.length, "sum: tensor %s has no dimension %d", x.shape(), dim);
    int outer = 1, inner = 1;
    for (int i = 0; i < d; i++) {
      outer *= dims[i];
    }
    for (int i = d + 1; i < dims.length; i++) {
      inner *= dims[i];
    }
    int[] kept = new int[dims.length - 1];
    for (int i = 0, j = 0; i < dims.length; i++) {
      if (i != d) {
        kept[j++] = dims[i];
      }
    }
    if (outer == 1) {                                   // leading dim: view (d, inner, 1), keep inner
      return sumKeeping(x, dims[d], inner, 1, Shape.of(kept));
    }
    require(inner == 1, "sum: dimension %d of %s must be the first or the last", dim, x.shape());
    return sumKeeping(x, 1, outer, dims[d], Shape.of(kept));   // trailing dim: view (1, outer, d), keep outer
  }

  /**
   * Per-channel sums of {@code x (N, C, ...)}: the gradient of a channel bias, shape {@code (C)}.
   */
  public static Tensor sumChannels(Tensor x) {
    require(x.rank() >= 2, "sumChannels: tensor %s has no channel dimension", x.shape());
    int n = x.size(0), c = x.size(1);
    return sumKeeping(x, n, c, x.numel() / (n * c), Shape.of(c));
  }

  /**
   * Views {@code x} as {@code (outer, mid, inner)} and returns the {@code mid} sums with the given
   * shape (which has {@code mid} elements).
   */
  static Tensor sumKeeping(Tensor x, int outer, int mid, int inner, Shape outShape) {
    require(outer * mid * inner == x.numel() && outShape.numel() == mid,
        "sum: cannot view %s as (%d, %d, %d) summed to %s", x.shape(), outer, mid, inner, outShape);
    Tensor y = Tensor.zeros(outShape);
    addSums(x.data(), outer, mid, inner, y.data());
    return Autograd.record("sum", y,
        (gy, g) -> {
          if (g.wants(x)) {
            addBroadcast(gy.data(), outer, mid, inner, g.of(x).data());
          }
        },
        (gy, g) -> OpSupport.send(g, x, () -> broadcast(gy, outer, mid, inner, x.shape())),
        x);
  }

  /** The adjoint of {@link #sumKeeping}: {@code y[o, m, i] = u[m]}. */
  static Tensor broadcast(Tensor u, int outer, int mid, int inner, Shape outShape) {
    require(u.numel() == mid && outShape.numel() == outer * mid * inner,
        "broadcast: cannot spread %s over %s", u.shape(), outShape);
    Tensor y = Tensor.zeros(outShape);
    addBroadcast(u.data(), outer, mid, inner, y.data());
    return Autograd.record("broadcast", y,
        (gy, g) -> {
          if (g.wants(u)) {
            addSums(gy.data(), outer, mid, inner, g.of(u).data());
          }
        },
        (gy, g) -> OpSupport.send(g, u, () -> sumKeeping(gy, outer, mid, inner, u.shape())),
        u);
  }

  /** Values a task of {@link #addSums} or {@link #addBroadcast} touches at least (32K): below, one thread. */
  private static final int VALUES_PER_TASK = 1 << 15;

  /**
   * {@code sums[m] += Σ_{o,i} x[o, m, i]}. The m are split over the threads; each sum runs over o in order
   * on one thread, so the result does not depend on the thread count.
   */
  static void addSums(float[] x, int outer, int mid, int inner, float[] sums) {
    int grain = Math.max(1, VALUES_PER_TASK / Math.max(1, outer * inner));
    Parallel.forRange(mid, grain, Parallel.threads(), (m0, m1) -> {
      if (inner == 1) {
        for (int o = 0; o < outer; o++) {               // rows: a vector add across mid
          k().axpy(1f, x, o * mid + m0, sums, m0, m1 - m0);
        }
        return;
      }
      for (int o = 0; o < outer; o++) {
        for (int m = m0; m < m1; m++) {
          sums[m] += k().sum(x, (o * mid + m) * inner, inner);
        }
      }
    });
  }

  /** {@code y[o, m, i] += u[m]}, the o split over the threads. */
  static void addBroadcast(float[] u, int outer, int mid, int inner, float[] y) {
    int grain = Math.max(1, VALUES_PER_TASK / Math.max(1, mid * inner));
    Parallel.forRange(outer, grain, Parallel.threads(), (o0, o1) -> {
      for (int o = o0; o < o1; o++) {
        if (inner == 1) {
          k().axpy(1f, u, 0, y, o * mid, mid);
          continue;
        }
        for (int m = 0; m < mid; m++) {
          int base = (o * mid + m) * inner;
          float v = u[m];
          for (int i = 0; i < inner; i++) {
            y[base + i] += v;
          }
        }
      }
    });
  }
}
