package dev.vgan.engine.nn;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/** Nearest-neighbour upsampling: {@code (N, C, H, W) → (N, C, f·H, f·W)}. */
public final class Upsample extends Module {
  private final int factor;

  /** By an integer factor. */
  public Upsample(int factor) {
    this.factor = factor;
  }

  /** The upsampling factor. */
  public int factor() {
    return factor;
  }

  @Override
  public Tensor forward(Tensor x) {
    return Ops.upsampleNearest(x, factor);
  }
}
