package dev.vgan.engine.ops;

import dev.vgan.engine.core.Node;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.kernel.Backends;
import dev.vgan.engine.kernel.KernelBackend;
import dev.vgan.engine.kernel.Parallel;

/** What every op family shares: the backend, argument checks, and gradient pass-through. */
final class OpSupport {
  private OpSupport() {}

  /** The kernel backend, resolved once per JVM. */
  static KernelBackend k() {
    return Backends.get();
  }

  /** Throws {@code IllegalArgumentException(String.format(format, args))} unless {@code ok}. */
  static void require(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }

  /** Requires equal shapes, naming the op and both shapes. */
  static void requireSameShape(String op, Tensor a, Tensor b) {
    require(a.shape().equals(b.shape()), "%s: shapes %s and %s differ", op, a.shape(), b.shape());
  }

  /** A slice {@code [off, off + len)} of an elementwise kernel call. */
  @FunctionalInterface
  interface Slice {
    void run(int off, int len);
  }

  /** Below this many elements an elementwise op runs on the calling thread alone. */
  private static final int PARALLEL_MIN = 1 << 16;

  /**
   * Runs an elementwise kernel over {@code [0, n)}, split into slices over the thread pool when the
   * tensor is large (memory-bound loops gain from a second core's bandwidth). Elementwise results do
   * not depend on the split.
   */
  static void elementwise(int n, Slice body) {
    if (n < PARALLEL_MIN || Parallel.threads() == 1) {
      body.run(0, n);
      return;
    }
    Parallel.forRange(n, 1 << 12, Parallel.threads(), (s, e) -> body.run(s, e - s));
  }

  /** {@code grads.of(x) += scale · gy} when x's gradient is wanted. */
  static void accumulate(Node.Gradients grads, Tensor x, Tensor gy, float scale) {
    if (x != null && grads.wants(x)) {
      float[] g = grads.of(x).data(), d = gy.data();
      elementwise(gy.numel(), (o, len) -> k().axpy(scale, d, o, g, o, len));
    }
  }

  /** {@code grads.add(x, g)} when x's gradient is wanted. */
  static void send(Node.GraphGradients grads, Tensor x, java.util.function.Supplier<Tensor> g) {
    if (x != null && grads.wants(x)) {
      grads.add(x, g.get());
    }
  }
}
