package dev.vgan.engine.nn;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/** {@code tanh x}, any shape. */
public final class Tanh extends Module {
  @Override
  public Tensor forward(Tensor x) {
    return Ops.tanh(x);
  }
}
