package dev.vgan.engine.nn;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/** {@code x > 0 ? x : slope·x}, any shape. */
public final class LeakyRelu extends Module {
  private final float slope;

  /** With the given negative slope (0.2 in DCGAN discriminators). */
  public LeakyRelu(float slope) {
    this.slope = slope;
  }

  @Override
  public Tensor forward(Tensor x) {
    return Ops.leakyRelu(x, slope);
  }
}
