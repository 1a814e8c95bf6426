package dev.vgan.engine.nn;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/** Inverted dropout in training, the identity in evaluation; any shape. */
public final class Dropout extends Module {
  private final float p;
  private final Rng rng;

  /** Zeroes with probability {@code p}, drawing masks from {@code rng}. */
  public Dropout(float p, Rng rng) {
    if (!(p >= 0f && p < 1f)) {
      throw new IllegalArgumentException("Dropout: probability must be in [0, 1), got " + p);
    }
    this.p = p;
    this.rng = rng;
  }

  @Override
  public Tensor forward(Tensor x) {
    return isTraining() ? Ops.dropout(x, p, rng) : x;
  }
}
