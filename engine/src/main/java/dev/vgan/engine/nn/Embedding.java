package dev.vgan.engine.nn;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/** A lookup table {@code weight (num, dim)}, initialized normal(0, 1) as PyTorch's. */
public final class Embedding extends Module {
  private final Tensor weight;

  /** {@code num} rows of width {@code dim}. */
  public Embedding(int num, int dim, Rng rng) {
    weight = parameter("weight", Tensor.zeros(num, dim));
    Init.normal(weight, 0f, 1f, rng);
  }

  /** Rows for integer indices: {@code (N) → (N, dim)}. */
  public Tensor lookup(int[] indices) {
    return Ops.embedding(weight, indices);
  }

  /** Rows for a tensor of whole-number indices {@code (N)}: {@code (N, dim)}. */
  @Override
  public Tensor forward(Tensor indices) {
    float[] d = indices.data();
    int[] idx = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      idx[i] = Math.round(d[i]);
      if (idx[i] != d[i]) {
        throw new IllegalArgumentException("Embedding: index " + d[i] + " at position " + i + " is not whole");
      }
    }
    return lookup(idx);
  }

  /** The table {@code (num, dim)}. */
  public Tensor weight() {
    return weight;
  }
}
