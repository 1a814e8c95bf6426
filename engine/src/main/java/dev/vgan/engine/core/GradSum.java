package dev.vgan.engine.core;

/**
 * {@code a + b} for two gradient contributions to the same tensor, recorded so that a second-order
 * pass can differentiate through the accumulation. Core cannot use the ops package, and the sum is a
 * plain loop.
 */
final class GradSum {
  private GradSum() {}

  static Tensor of(Tensor a, Tensor b) {
    float[] x = a.data();
    float[] y = b.data();
    Tensor sum = Tensor.empty(a.shape());
    float[] out = sum.data();
    for (int i = 0; i < out.length; i++) {
      out[i] = x[i] + y[i];
    }
    return Autograd.record("gradSum", sum,
        (gy, grads) -> {
          for (Tensor in : new Tensor[] {a, b}) {
            if (grads.wants(in)) {
              float[] g = grads.of(in).data();
              float[] d = gy.data();
              for (int i = 0; i < g.length; i++) {
                g[i] += d[i];
              }
            }
          }
        },
        (gy, grads) -> {
          if (grads.wants(a)) {
            grads.add(a, gy);
          }
          if (grads.wants(b)) {
            grads.add(b, gy);
          }
        },
        a, b);
  }
}
