package dev.vgan.models.data;

import dev.vgan.engine.core.Rng;

/**
 * The built-in dataset that needs no download: small colored shapes on a dark background, one class per
 * shape (disk, square, triangle, ring, cross, diamond, bars, X). Image {@code i} is drawn from its own
 * generator seeded by the dataset's seed and {@code i}, so the set is the same on every machine and any
 * image can be made alone. Position, size and color vary; the class is the shape alone.
 */
public final class Sprites implements Dataset {
  /** The shapes, in label order. */
  public static final String[] CLASSES = {"disk", "square", "triangle", "ring", "cross", "diamond", "bars", "x"};
  private final int size;
  private final int side;
  private final int channels;
  private final long seed;

  /** {@code size} images of {@code side × side} pixels, RGB or gray, from {@code seed}. */
  public Sprites(int size, int side, boolean rgb, long seed) {
    if (size < 1 || side < 8) {
      throw new IllegalArgumentException("sprites: need at least one image of at least 8×8, got " + size
          + " of " + side + "×" + side);
    }
    this.size = size;
    this.side = side;
    this.channels = rgb ? 3 : 1;
    this.seed = seed;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int height() {
    return side;
  }

  @Override
  public int width() {
    return side;
  }

  @Override
  public boolean labelled() {
    return true;
  }

  @Override
  public int classes() {
    return CLASSES.length;
  }

  @Override
  public int label(int i) {
    return i % CLASSES.length;
  }

  @Override
  public void image(int i, float[] dst, int offset) {
    Rng rng = Rng.seeded(seed * 0x9E3779B97F4A7C15L + i);
    int shape = label(i);
    double cx = side * (0.5 + 0.15 * (2 * rng.nextDouble() - 1));
    double cy = side * (0.5 + 0.15 * (2 * rng.nextDouble() - 1));
    double radius = side * (0.22 + 0.12 * rng.nextDouble());
    float[] color = hue(rng.nextDouble(), 0.6 + 0.4 * rng.nextDouble());
    float background = (float) (-0.9 + 0.15 * rng.nextDouble());
    int plane = side * side;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        double dx = (x + 0.5 - cx) / radius, dy = (y + 0.5 - cy) / radius;
        boolean on = inside(shape, dx, dy);
        for (int c = 0; c < channels; c++) {
          float fg = channels == 1 ? (color[0] + color[1] + color[2]) / 3f : color[c];
          dst[offset + c * plane + y * side + x] = on ? fg : background;
        }
      }
    }
  }

  /** Whether the point {@code (dx, dy)}, in units of the shape's radius from its center, is inside. */
  static boolean inside(int shape, double dx, double dy) {
    double ax = Math.abs(dx), ay = Math.abs(dy), r = Math.hypot(dx, dy);
    return switch (shape) {
      case 0 -> r < 1;                                                      // disk
      case 1 -> Math.max(ax, ay) < 0.8;                                     // square
      case 2 -> dy < 0.8 && dy > -0.9 && ax < (dy + 0.9) * 0.55;            // triangle, point up
      case 3 -> r < 1 && r > 0.6;                                           // ring
      case 4 -> Math.max(ax, ay) < 0.95 && Math.min(ax, ay) < 0.28;         // cross
      case 5 -> ax + ay < 1;                                                // diamond
      case 6 -> Math.max(ax, ay) < 0.9 && ((int) Math.floor((dy + 0.9) * 2.8)) % 2 == 0;   // bars
      case 7 -> Math.max(ax, ay) < 0.9 && Math.abs(ax - ay) < 0.28;         // X
      default -> throw new IllegalArgumentException("sprites: no shape " + shape);
    };
  }

  /** A saturated color of the given hue (0..1) and brightness, as RGB in [-1, 1]. */
  private static float[] hue(double h, double value) {
    double[] rgb = new double[3];
    for (int c = 0; c < 3; c++) {
      double k = (h * 6 + (c == 0 ? 5 : c == 1 ? 3 : 1)) % 6;
      rgb[c] = value * (1 - Math.max(0, Math.min(1, Math.min(k, 4 - k))));
    }
    return new float[] {(float) (2 * rgb[0] - 1), (float) (2 * rgb[1] - 1), (float) (2 * rgb[2] - 1)};
  }
}
