package dev.vgan.engine.kernel;

/** Reference row primitives for {@link SoftmaxRows}. */
public final class ScalarSoftmax implements SoftmaxRows.RowKernels {
  /** The one instance. */
  public static final ScalarSoftmax INSTANCE = new ScalarSoftmax();

  private ScalarSoftmax() {}

  @Override
  public float max(float[] x, int xOff, int n) {
    return ScalarReductions.max(x, xOff, n);
  }

  @Override
  public float expShifted(float[] x, int xOff, float max, float[] y, int yOff, int n) {
    return expShiftedRow(x, xOff, max, y, yOff, n);
  }

  @Override
  public float sumExpShifted(float[] x, int xOff, float max, int n) {
    return sumExpShiftedRow(x, xOff, max, n);
  }

  @Override
  public void scale(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    ScalarMaps.scale(alpha, x, xOff, y, yOff, n);
  }

  @Override
  public void addScalar(float[] x, int xOff, float shift, float[] y, int yOff, int n) {
    addScalarRow(x, xOff, shift, y, yOff, n);
  }

  /** {@code y = exp(x − max)}; returns the sum of the written values, in order. */
  public static float expShiftedRow(float[] x, int xOff, float max, float[] y, int yOff, int n) {
    float s = 0f;
    for (int i = 0; i < n; i++) {
      float e = ScalarMath.exp(x[xOff + i] - max);
      y[yOff + i] = e;
      s += e;
    }
    return s;
  }

  /** {@code Σ exp(x − max)}, in order. */
  public static float sumExpShiftedRow(float[] x, int xOff, float max, int n) {
    float s = 0f;
    for (int i = 0; i < n; i++) {
      s += ScalarMath.exp(x[xOff + i] - max);
    }
    return s;
  }

  /** {@code y = x + shift}. */
  public static void addScalarRow(float[] x, int xOff, float shift, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = x[xOff + i] + shift;
    }
  }
}
