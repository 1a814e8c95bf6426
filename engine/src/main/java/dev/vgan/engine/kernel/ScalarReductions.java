package dev.vgan.engine.kernel;

/** Reference reductions: sums, maxima and the per-channel sums batch norm needs. */
public final class ScalarReductions {
  private ScalarReductions() {}

  /** The sum of {@code x[0..n)}, in order. */
  public static float sum(float[] x, int xOff, int n) {
    float s = 0f;
    for (int i = 0; i < n; i++) {
      s += x[xOff + i];
    }
    return s;
  }

  /** The sum of {@code (x − center)²} over {@code x[0..n)}, in order. */
  public static float sumSquares(float[] x, int xOff, float center, int n) {
    float s = 0f;
    for (int i = 0; i < n; i++) {
      float d = x[xOff + i] - center;
      s += d * d;
    }
    return s;
  }

  /** The sum of {@code g · (x − center)} over {@code [0, n)}, in order. */
  public static float dotCentered(float[] g, int gOff, float[] x, int xOff, float center, int n) {
    float s = 0f;
    for (int i = 0; i < n; i++) {
      s += g[gOff + i] * (x[xOff + i] - center);
    }
    return s;
  }

  /** The largest of {@code x[0..n)}; NaN if any element is NaN; {@code -Infinity} if empty. */
  public static float max(float[] x, int xOff, int n) {
    float m = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      m = Math.max(m, x[xOff + i]);
    }
    return m;
  }
}
