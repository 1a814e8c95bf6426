package dev.vgan.engine.nn;

import dev.vgan.engine.core.Tensor;

/** Batch norm of features: {@code (N, C)} or {@code (N, C, L)}, statistics per channel. */
public final class BatchNorm1d extends BatchNorm {
  /** For {@code channels} features. */
  public BatchNorm1d(int channels) {
    super(channels);
  }

  @Override
  void checkRank(Tensor x) {
    if (x.rank() != 2 && x.rank() != 3) {
      throw new IllegalArgumentException("BatchNorm1d: expected (N, C) or (N, C, L), got " + x.shape());
    }
  }
}
