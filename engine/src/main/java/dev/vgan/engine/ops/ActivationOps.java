package dev.vgan.engine.ops;

import static dev.vgan.engine.ops.OpSupport.elementwise;
import static dev.vgan.engine.ops.OpSupport.elementwiseInto;
import static dev.vgan.engine.ops.OpSupport.k;
import static dev.vgan.engine.ops.OpSupport.require;
import static dev.vgan.engine.ops.OpSupport.send;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Node;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;

/**
 * Activations and dropout. The piecewise-linear ones (ReLU, LeakyReLU) record their backward as a
 * product with a constant slope mask, which is exact for second order (their second derivative is zero
 * almost everywhere).
 */
public final class ActivationOps {
  private ActivationOps() {}

  /** {@code max(x, 0)}. */
  public static Tensor relu(Tensor x) {
    return leakyRelu(x, 0f);
  }

  /** {@code x > 0 ? x : slope · x}. */
  public static Tensor leakyRelu(Tensor x, float slope) {
    int n = x.numel();
    Tensor y = Tensor.empty(x.shape());
    if (slope == 0f) {
      elementwise(n, (o, len) -> k().relu(x.data(), o, y.data(), o, len));
    } else {
      elementwise(n, (o, len) -> k().leakyRelu(slope, x.data(), o, y.data(), o, len));
    }
    return Autograd.record(slope == 0f ? "relu" : "leakyRelu", y,
        (gy, g) -> {
          if (g.wants(x)) {
            Node.Target t = g.target(x);
            float[] gx = t.data();
            if (slope == 0f) {
              elementwiseInto(t, n, (o, len) -> k().reluBackward(x.data(), o, gy.data(), o, gx, o, len));
            } else {
              elementwiseInto(t, n, (o, len) -> k().leakyReluBackward(slope, x.data(), o, gy.data(), o, gx, o, len));
            }
          }
        },
        (gy, g) -> send(g, x, () -> ElementwiseOps.mul(gy, slopeMask(x, slope))),
        x);
  }

  private static Tensor slopeMask(Tensor x, float slope) {
    float[] d = x.data();
    Tensor mask = Tensor.empty(x.shape());
    float[] m = mask.data();
    for (int i = 0; i < d.length; i++) {
      m[i] = d[i] > 0f ? 1f : slope;
    }
    return mask;
  }

  /** {@code tanh(x)}. */
  public static Tensor tanh(Tensor x) {
    int n = x.numel();
    Tensor y = Tensor.empty(x.shape());
    elementwise(n, (o, len) -> k().tanh(x.data(), o, y.data(), o, len));
    return Autograd.record("tanh", y,
        (gy, g) -> {
          if (g.wants(x)) {
            Node.Target t = g.target(x);
            float[] gx = t.data();
            elementwiseInto(t, n, (o, len) -> k().tanhBackward(y.data(), o, gy.data(), o, gx, o, len));
          }
        },
        // d tanh = 1 − y²
        (gy, g) -> send(g, x, () -> ElementwiseOps.mul(gy,
            ElementwiseOps.addScalar(ElementwiseOps.mulScalar(ElementwiseOps.square(y), -1f), 1f))),
        x);
  }

  /** {@code 1 / (1 + e^−x)}. */
  public static Tensor sigmoid(Tensor x) {
    int n = x.numel();
    Tensor y = Tensor.empty(x.shape());
    elementwise(n, (o, len) -> k().sigmoid(x.data(), o, y.data(), o, len));
    return Autograd.record("sigmoid", y,
        (gy, g) -> {
          if (g.wants(x)) {
            Node.Target t = g.target(x);
            float[] gx = t.data();
            elementwiseInto(t, n, (o, len) -> k().sigmoidBackward(y.data(), o, gy.data(), o, gx, o, len));
          }
        },
        // d sigmoid = y − y²
        (gy, g) -> send(g, x, () -> ElementwiseOps.mul(gy, ElementwiseOps.sub(y, ElementwiseOps.square(y)))),
        x);
  }

  /**
   * Inverted dropout, as PyTorch: each element is zeroed with probability {@code p} and the rest are
   * scaled by {@code 1 / (1 − p)}, so evaluation needs no rescaling. The identity when {@code p == 0}.
   */
  public static Tensor dropout(Tensor x, float p, Rng rng) {
    require(p >= 0f && p < 1f, "dropout: probability must be in [0, 1), got %s", p);
    if (p == 0f) {
      return x;
    }
    float keep = 1f / (1f - p);
    Tensor mask = Tensor.empty(x.shape());
    float[] m = mask.data();
    for (int i = 0; i < m.length; i++) {
      m[i] = rng.nextFloat() < p ? 0f : keep;
    }
    Tensor y = Tensor.empty(x.shape());
    k().mul(x.data(), 0, m, 0, y.data(), 0, m.length);
    return Autograd.record("dropout", y,
        (gy, g) -> {
          if (g.wants(x)) {
            k().mulAdd(gy.data(), 0, m, 0, g.of(x).data(), 0, m.length);
          }
        },
        (gy, g) -> send(g, x, () -> ElementwiseOps.mul(gy, mask)),
        x);
  }
}
