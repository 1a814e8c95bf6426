package dev.vgan.engine.ops;

import dev.vgan.engine.core.Node;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.kernel.Backends;
import dev.vgan.engine.kernel.KernelBackend;

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

  /** {@code grads.of(x) += scale · gy} when x's gradient is wanted. */
  static void accumulate(Node.Gradients grads, Tensor x, Tensor gy, float scale) {
    if (x != null && grads.wants(x)) {
      k().axpy(scale, gy.data(), 0, grads.of(x).data(), 0, gy.numel());
    }
  }

  /** {@code grads.add(x, g)} when x's gradient is wanted. */
  static void send(Node.GraphGradients grads, Tensor x, java.util.function.Supplier<Tensor> g) {
    if (x != null && grads.wants(x)) {
      grads.add(x, g.get());
    }
  }
}
