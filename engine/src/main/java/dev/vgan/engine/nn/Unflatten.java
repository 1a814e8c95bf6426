package dev.vgan.engine.nn;

import dev.vgan.engine.core.Shape;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/** {@code (N, Πdims) → (N, dims...)}, as {@code nn.Unflatten(1, dims)}. */
public final class Unflatten extends Module {
  private final int[] dims;

  /** The shape each sample takes. */
  public Unflatten(int... dims) {
    this.dims = dims.clone();
  }

  @Override
  public Tensor forward(Tensor x) {
    int[] full = new int[dims.length + 1];
    full[0] = x.size(0);
    System.arraycopy(dims, 0, full, 1, dims.length);
    return Ops.reshape(x, Shape.of(full));
  }
}
