package dev.vgan.engine.nn;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/** {@code (N, ...) → (N, rest)}. */
public final class Flatten extends Module {
  @Override
  public Tensor forward(Tensor x) {
    return Ops.flatten(x);
  }
}
