package dev.vgan.engine.nn;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/** {@code max(x, 0)}, any shape. */
public final class Relu extends Module {
  @Override
  public Tensor forward(Tensor x) {
    return Ops.relu(x);
  }
}
