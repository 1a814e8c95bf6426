package dev.vgan.engine.nn;

import dev.vgan.engine.core.Tensor;

/** Batch norm of images: {@code (N, C, H, W)}, statistics per channel. */
public final class BatchNorm2d extends BatchNorm {
  /** For {@code channels} channels. */
  public BatchNorm2d(int channels) {
    super(channels);
  }

  @Override
  void checkRank(Tensor x) {
    if (x.rank() != 4) {
      throw new IllegalArgumentException("BatchNorm2d: expected (N, C, H, W), got " + x.shape());
    }
  }
}
