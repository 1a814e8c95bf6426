package dev.vgan.engine.ops;

import static dev.vgan.engine.ops.OpSupport.accumulate;
import static dev.vgan.engine.ops.OpSupport.k;
import static dev.vgan.engine.ops.OpSupport.requireSameShape;
import static dev.vgan.engine.ops.OpSupport.send;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Tensor;

/**
 * Elementwise arithmetic on tensors of the same shape, each with a fused backward and a recording
 * backward (so all of them work inside a gradient penalty).
 */
public final class ElementwiseOps {
  private ElementwiseOps() {}

  /** {@code a + b}. */
  public static Tensor add(Tensor a, Tensor b) {
    requireSameShape("add", a, b);
    Tensor y = Tensor.empty(a.shape());
    k().add(a.data(), 0, b.data(), 0, y.data(), 0, y.numel());
    return Autograd.record("add", y,
        (gy, g) -> {
          accumulate(g, a, gy, 1f);
          accumulate(g, b, gy, 1f);
        },
        (gy, g) -> {
          send(g, a, () -> gy);
          send(g, b, () -> gy);
        },
        a, b);
  }

  /** {@code a − b}. */
  public static Tensor sub(Tensor a, Tensor b) {
    requireSameShape("sub", a, b);
    Tensor y = a.copy();
    k().axpy(-1f, b.data(), 0, y.data(), 0, y.numel());
    return Autograd.record("sub", y,
        (gy, g) -> {
          accumulate(g, a, gy, 1f);
          accumulate(g, b, gy, -1f);
        },
        (gy, g) -> {
          send(g, a, () -> gy);
          send(g, b, () -> mulScalar(gy, -1f));
        },
        a, b);
  }

  /** {@code a ⊙ b}. */
  public static Tensor mul(Tensor a, Tensor b) {
    requireSameShape("mul", a, b);
    Tensor y = Tensor.empty(a.shape());
    int n = y.numel();
    k().mul(a.data(), 0, b.data(), 0, y.data(), 0, n);
    return Autograd.record("mul", y,
        (gy, g) -> {
          if (g.wants(a)) {
            k().mulAdd(gy.data(), 0, b.data(), 0, g.of(a).data(), 0, n);
          }
          if (g.wants(b)) {
            k().mulAdd(gy.data(), 0, a.data(), 0, g.of(b).data(), 0, n);
          }
        },
        (gy, g) -> {
          send(g, a, () -> mul(gy, b));
          send(g, b, () -> mul(gy, a));
        },
        a, b);
  }

  /** {@code a / b}. */
  public static Tensor div(Tensor a, Tensor b) {
    requireSameShape("div", a, b);
    float[] x = a.data(), d = b.data();
    Tensor y = Tensor.empty(a.shape());
    float[] out = y.data();
    for (int i = 0; i < out.length; i++) {
      out[i] = x[i] / d[i];
    }
    return Autograd.record("div", y,
        (gy, g) -> {
          float[] go = gy.data();
          if (g.wants(a)) {
            float[] ga = g.of(a).data();
            for (int i = 0; i < ga.length; i++) {
              ga[i] += go[i] / d[i];
            }
          }
          if (g.wants(b)) {
            float[] gb = g.of(b).data();
            for (int i = 0; i < gb.length; i++) {
              gb[i] -= go[i] * out[i] / d[i];
            }
          }
        },
        (gy, g) -> {
          send(g, a, () -> div(gy, b));
          send(g, b, () -> mulScalar(div(mul(gy, a), square(b)), -1f));
        },
        a, b);
  }

  /** {@code s · a} for a constant {@code s}. */
  public static Tensor mulScalar(Tensor a, float s) {
    Tensor y = Tensor.empty(a.shape());
    k().scale(s, a.data(), 0, y.data(), 0, y.numel());
    return Autograd.record("mulScalar", y,
        (gy, g) -> accumulate(g, a, gy, s),
        (gy, g) -> send(g, a, () -> mulScalar(gy, s)),
        a);
  }

  /** {@code a + s} for a constant {@code s}. */
  public static Tensor addScalar(Tensor a, float s) {
    float[] x = a.data();
    Tensor y = Tensor.empty(a.shape());
    float[] out = y.data();
    for (int i = 0; i < out.length; i++) {
      out[i] = x[i] + s;
    }
    return Autograd.record("addScalar", y,
        (gy, g) -> accumulate(g, a, gy, 1f),
        (gy, g) -> send(g, a, () -> gy),
        a);
  }

  /** {@code a ⊙ s} where {@code s} is a one-element tensor (a learned or computed scale). */
  public static Tensor scaleBy(Tensor a, Tensor s) {
    OpSupport.require(s.numel() == 1, "scaleBy: scale %s is not a single value", s.shape());
    Tensor y = Tensor.empty(a.shape());
    k().scale(s.item(), a.data(), 0, y.data(), 0, y.numel());
    return Autograd.record("scaleBy", y,
        (gy, g) -> {
          accumulate(g, a, gy, s.item());
          if (g.wants(s)) {
            double dot = 0;
            float[] go = gy.data(), x = a.data();
            for (int i = 0; i < x.length; i++) {
              dot += go[i] * x[i];
            }
            g.of(s).data()[0] += (float) dot;
          }
        },
        (gy, g) -> {
          send(g, a, () -> scaleBy(gy, s));
          send(g, s, () -> ShapeOps.reshape(ReduceOps.sum(mul(gy, a)), s.shape()));
        },
        a, s);
  }

  /** {@code a²}. */
  public static Tensor square(Tensor a) {
    Tensor y = Tensor.empty(a.shape());
    k().mul(a.data(), 0, a.data(), 0, y.data(), 0, y.numel());
    return Autograd.record("square", y,
        (gy, g) -> {
          if (g.wants(a)) {
            float[] ga = g.of(a).data(), go = gy.data(), x = a.data();
            for (int i = 0; i < ga.length; i++) {
              ga[i] += 2f * x[i] * go[i];
            }
          }
        },
        (gy, g) -> send(g, a, () -> mul(mulScalar(a, 2f), gy)),
        a);
  }

  /** {@code √a}. */
  public static Tensor sqrt(Tensor a) {
    Tensor y = mapped(a, Math::sqrt);
    float[] out = y.data();
    return Autograd.record("sqrt", y,
        (gy, g) -> {
          if (g.wants(a)) {
            float[] ga = g.of(a).data(), go = gy.data();
            for (int i = 0; i < ga.length; i++) {
              ga[i] += go[i] / (2f * out[i]);
            }
          }
        },
        (gy, g) -> send(g, a, () -> div(gy, mulScalar(y, 2f))),
        a);
  }

  /** {@code ln a}. */
  public static Tensor log(Tensor a) {
    float[] x = a.data();
    Tensor y = mapped(a, Math::log);
    return Autograd.record("log", y,
        (gy, g) -> {
          if (g.wants(a)) {
            float[] ga = g.of(a).data(), go = gy.data();
            for (int i = 0; i < ga.length; i++) {
              ga[i] += go[i] / x[i];
            }
          }
        },
        (gy, g) -> send(g, a, () -> div(gy, a)),
        a);
  }

  /** {@code eᵃ}. */
  public static Tensor exp(Tensor a) {
    Tensor y = mapped(a, Math::exp);
    float[] out = y.data();
    return Autograd.record("exp", y,
        (gy, g) -> {
          if (g.wants(a)) {
            k().mulAdd(gy.data(), 0, out, 0, g.of(a).data(), 0, out.length);
          }
        },
        (gy, g) -> send(g, a, () -> mul(gy, y)),
        a);
  }

  /** {@code f} applied to every element, in double, rounded to float (the forward of sqrt, log and exp). */
  private static Tensor mapped(Tensor a, java.util.function.DoubleUnaryOperator f) {
    float[] x = a.data();
    Tensor y = Tensor.empty(a.shape());
    float[] out = y.data();
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) f.applyAsDouble(x[i]);
    }
    return y;
  }
}
