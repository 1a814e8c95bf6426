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

  /** Floats an accumulating backward kernel runs on at a time after zeroing them (16 KB: in L1). */
  private static final int ZERO_BLOCK = 1 << 12;

  /**
   * Runs an accumulating elementwise backward kernel ({@code target[i] += ...}) over {@code [0, n)} into a
   * gradient {@link Node.Gradients#target}: on a fresh buffer each block is zeroed just before the kernel
   * adds into it, while it is in cache, instead of in a pass of its own over the whole tensor.
   */
  static void elementwiseInto(Node.Target target, int n, Slice body) {
    elementwise(n, (o, len) -> {
      if (target.add()) {
        body.run(o, len);
        return;
      }
      for (int b = o, end = o + len; b < end; b += ZERO_BLOCK) {
        int l = Math.min(ZERO_BLOCK, end - b);
        java.util.Arrays.fill(target.data(), b, b + l, 0f);
        body.run(b, l);
      }
    });
  }

  /** {@code grads.of(x) += scale · gy} when x's gradient is wanted. */
  static void accumulate(Node.Gradients grads, Tensor x, Tensor gy, float scale) {
    if (x != null && grads.wants(x)) {
      Node.Target t = grads.target(x);
      float[] g = t.data(), d = gy.data();
      if (!t.add() && scale == 1f) {
        elementwise(gy.numel(), (o, len) -> System.arraycopy(d, o, g, o, len));
      } else {
        elementwiseInto(t, gy.numel(), (o, len) -> k().axpy(scale, d, o, g, o, len));
      }
    }
  }

  /** {@code grads.add(x, g)} when x's gradient is wanted. */
  static void send(Node.GraphGradients grads, Tensor x, java.util.function.Supplier<Tensor> g) {
    if (x != null && grads.wants(x)) {
      grads.add(x, g.get());
    }
  }
}
