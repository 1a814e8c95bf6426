package dev.vgan.engine.nn;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/** {@code 1 / (1 + e^−x)}, any shape. */
public final class Sigmoid extends Module {
  @Override
  public Tensor forward(Tensor x) {
    return Ops.sigmoid(x);
  }
}
