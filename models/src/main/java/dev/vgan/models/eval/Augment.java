package dev.vgan.models.eval;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;

/** Training-time augmentation for the evaluation classifier. */
final class Augment {
  private Augment() {}

  /**
   * Each image of {@code images} (N, C, H, W) moved by its own random offset of up to {@code max} pixels
   * in each direction; uncovered pixels take the image's corner value (its background).
   */
  static Tensor shift(Tensor images, int max, Rng rng) {
    int n = images.size(0), c = images.size(1), h = images.size(2), w = images.size(3), plane = h * w;
    Tensor out = Tensor.empty(images.shape());
    float[] src = images.data(), dst = out.data();
    for (int i = 0; i < n; i++) {
      int dy = rng.nextInt(2 * max + 1) - max, dx = rng.nextInt(2 * max + 1) - max;
      for (int ch = 0; ch < c; ch++) {
        int base = (i * c + ch) * plane;
        float background = src[base];
        for (int y = 0; y < h; y++) {
          int sy = y - dy;
          for (int x = 0; x < w; x++) {
            int sx = x - dx;
            dst[base + y * w + x] = sy >= 0 && sy < h && sx >= 0 && sx < w ? src[base + sy * w + sx] : background;
          }
        }
      }
    }
    return out;
  }
}
