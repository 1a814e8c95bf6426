package dev.vgan.engine.kernel;

/**
 * Row-wise softmax and log-softmax of a {@code rows×cols} matrix, max-shifted for stability, driven
 * over a backend's row primitives. {@code y} may alias {@code x}.
 */
public final class SoftmaxRows {
  /** The per-row primitives a backend supplies. */
  public interface RowKernels {
    /** The largest element of the row. */
    float max(float[] x, int xOff, int n);

    /** {@code y = exp(x − max)}; returns {@code Σ y}. */
    float expShifted(float[] x, int xOff, float max, float[] y, int yOff, int n);

    /** {@code Σ exp(x − max)}, without writing. */
    float sumExpShifted(float[] x, int xOff, float max, int n);

    /** {@code y = alpha · x}. */
    void scale(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /** {@code y = x + shift}. */
    void addScalar(float[] x, int xOff, float shift, float[] y, int yOff, int n);
  }

  private SoftmaxRows() {}

  /** See {@link KernelBackend#softmaxRows}. */
  public static void softmax(RowKernels k, float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
    for (int r = 0; r < rows; r++) {
      int xi = xOff + r * cols, yi = yOff + r * cols;
      float sum = k.expShifted(x, xi, k.max(x, xi, cols), y, yi, cols);
      k.scale(1f / sum, y, yi, y, yi, cols);
    }
  }

  /** See {@link KernelBackend#logSoftmaxRows}. */
  public static void logSoftmax(RowKernels k, float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
    for (int r = 0; r < rows; r++) {
      int xi = xOff + r * cols, yi = yOff + r * cols;
      float max = k.max(x, xi, cols);
      float logSum = (float) Math.log(k.sumExpShifted(x, xi, max, cols));
      k.addScalar(x, xi, -max - logSum, y, yi, cols);
    }
  }
}
