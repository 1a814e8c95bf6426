package dev.vgan.tools.render;

import dev.vgan.engine.core.Tensor;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts image tensors to pictures. Pixel values in [-1, 1] map linearly to 0..255 (−1 black, +1
 * white), rounded to nearest and clamped; gray images become gray RGB pictures.
 */
public final class ImageTensors {
  private ImageTensors() {}

  /** Image {@code i} of {@code images} (N, C, H, W) with C 1 or 3, as an RGB picture. */
  public static BufferedImage toImage(Tensor images, int i) {
    if (images.rank() != 4 || (images.size(1) != 1 && images.size(1) != 3)) {
      throw new IllegalArgumentException("toImage: expected (N, 1|3, H, W), got " + images.shape());
    }
    int c = images.size(1), h = images.size(2), w = images.size(3), plane = h * w;
    float[] d = images.data();
    int base = i * c * plane;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = base + y * w + x;
        int r = level(d[p]);
        int g = c == 3 ? level(d[p + plane]) : r;
        int b = c == 3 ? level(d[p + 2 * plane]) : r;
        out.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return out;
  }

  /** Every image of the batch. */
  public static List<BufferedImage> toImages(Tensor images) {
    List<BufferedImage> out = new ArrayList<>();
    for (int i = 0; i < images.size(0); i++) {
      out.add(toImage(images, i));
    }
    return out;
  }

  /** A value in [-1, 1] as a level 0..255. */
  static int level(float v) {
    long l = Math.round((v + 1.0) * 127.5);
    return (int) Math.max(0, Math.min(255, l));
  }
}
