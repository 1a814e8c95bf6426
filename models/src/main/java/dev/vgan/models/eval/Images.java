package dev.vgan.models.eval;

import dev.vgan.engine.core.Shape;
import dev.vgan.engine.core.Tensor;
import dev.vgan.models.data.Dataset;

/** Runs of a dataset's images as tensors. */
final class Images {
  private Images() {}

  /** Images {@code start .. start + n − 1} as (n, C, H, W). */
  static Tensor of(Dataset data, int start, int n) {
    int per = data.channels() * data.height() * data.width();
    Tensor t = Tensor.empty(Shape.of(n, data.channels(), data.height(), data.width()));
    for (int i = 0; i < n; i++) {
      data.image(start + i, t.data(), i * per);
    }
    return t;
  }
}
