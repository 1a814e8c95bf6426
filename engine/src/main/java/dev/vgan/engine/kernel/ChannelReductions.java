package dev.vgan.engine.kernel;

/**
 * Per-channel reductions of an NCHW tensor {@code (batch, channels, spatial)}, driven over a
 * backend's contiguous row kernels: each {@code (b, c)} plane is one row, and channel {@code c} adds
 * its {@code batch} rows in order {@code b = 0..batch-1}.
 */
public final class ChannelReductions {
  /** {@code Σ x[off + i]} for {@code i < n}. */
  @FunctionalInterface
  public interface RowSum {
    /** Returns the sum of the row. */
    float apply(float[] x, int off, int n);
  }

  /** {@code Σ (x[off + i] − center)²} for {@code i < n}. */
  @FunctionalInterface
  public interface RowSumSquares {
    /** Returns the centered sum of squares of the row. */
    float apply(float[] x, int off, float center, int n);
  }

  private ChannelReductions() {}

  /** See {@link KernelBackend#channelSums}. */
  public static void channelSums(RowSum rowSum, float[] x, int xOff, int batch, int channels, int spatial,
      float[] sums) {
    for (int c = 0; c < channels; c++) {
      float s = 0f;
      for (int b = 0; b < batch; b++) {
        s += rowSum.apply(x, xOff + (b * channels + c) * spatial, spatial);
      }
      sums[c] = s;
    }
  }

  /** See {@link KernelBackend#channelSumSquares}. */
  public static void channelSumSquares(RowSumSquares rowSumSquares, float[] x, int xOff, int batch,
      int channels, int spatial, float[] center, float[] out) {
    for (int c = 0; c < channels; c++) {
      float s = 0f;
      for (int b = 0; b < batch; b++) {
        s += rowSumSquares.apply(x, xOff + (b * channels + c) * spatial, center[c], spatial);
      }
      out[c] = s;
    }
  }
}
