package dev.vgan.engine.nn;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import java.util.Arrays;

/** Weight initializations: PyTorch's layer defaults, and DCGAN's normal(0, 0.02) scheme. */
public final class Init {
  private Init() {}

  /**
   * PyTorch's default for Linear and Conv weights, {@code kaiming_uniform_(a=√5)}: uniform in
   * {@code ±1/√fanIn}; the bias uses the same bound.
   */
  public static void pytorchDefault(Tensor weight, Tensor bias, int fanIn, Rng rng) {
    float bound = (float) (1.0 / Math.sqrt(fanIn));
    rng.fillUniform(weight.data(), -bound, bound);
    if (bias != null) {
      rng.fillUniform(bias.data(), -bound, bound);
    }
  }

  /** Normal draws in place. */
  public static void normal(Tensor t, float mean, float std, Rng rng) {
    rng.fillNormal(t.data(), mean, std);
  }

  /** Sets every element to {@code value}. */
  public static void constant(Tensor t, float value) {
    Arrays.fill(t.data(), value);
  }

  /**
   * The DCGAN paper's initialization, as in PyTorch's dcgan example {@code weights_init}: convolution
   * and transposed-convolution weights normal(0, 0.02); batch-norm scales normal(1, 0.02) and shifts 0.
   * Linear layers keep their default (the example has none).
   */
  public static void dcgan(Module root, Rng rng) {
    for (Module m : root.modules()) {
      if (m instanceof Conv2d c) {
        normal(c.weight(), 0f, 0.02f, rng);
      } else if (m instanceof ConvTranspose2d c) {
        normal(c.weight(), 0f, 0.02f, rng);
      } else if (m instanceof BatchNorm b) {
        normal(b.weight(), 1f, 0.02f, rng);
        constant(b.bias(), 0f);
      }
    }
  }
}
