package dev.vgan.engine.kernel;

/**
 * Per-channel reductions of an NCHW tensor {@code (batch, channels, spatial)}, driven over a
 * backend's contiguous row kernels: each {@code (b, c)} plane is one row, and channel {@code c} adds
 * its {@code batch} rows in order {@code b = 0..batch-1}. Channels are split over the thread pool (each
 * channel's sum is computed by one thread in the same order, so results do not depend on the thread
 * count). With {@code spatial == 1} (features) the planes are single values and the loop runs along
 * rows instead, where channels are contiguous, through the backend's elementwise kernels over each row's run
 * of the thread's channels: the JIT does not vectorize those loops itself (the accumulator and the input
 * are two float arrays at different offsets, which it cannot prove apart), and as scalar loops they ran at
 * half the bandwidth of the spatial ones. Each kernel rounds as the scalar formula does and the order of
 * additions per channel is the same, so the bits are too.
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

  /** {@code Σ g[gOff + i] · (x[xOff + i] − center)} for {@code i < n}. */
  @FunctionalInterface
  public interface RowDotCentered {
    /** Returns the centered dot product of the rows. */
    float apply(float[] g, int gOff, float[] x, int xOff, float center, int n);
  }

  private ChannelReductions() {}

  /** See {@link KernelBackend#channelSums}. */
  public static void channelSums(KernelBackend k, RowSum rowSum, float[] x, int xOff, int batch, int channels,
      int spatial, float[] sums) {
    Parallel.forRange(channels, grain(batch, spatial), Parallel.threads(), (c0, c1) -> {
      if (spatial == 1) {
        java.util.Arrays.fill(sums, c0, c1, 0f);
        for (int b = 0; b < batch; b++) {
          k.axpy(1f, x, xOff + b * channels + c0, sums, c0, c1 - c0);     // sums[c] += x[b][c]
        }
        return;
      }
      for (int c = c0; c < c1; c++) {
        float s = 0f;
        for (int b = 0; b < batch; b++) {
          s += rowSum.apply(x, xOff + (b * channels + c) * spatial, spatial);
        }
        sums[c] = s;
      }
    });
  }

  /** Channels per task: enough that a task reads at least 32K values. */
  private static int grain(int batch, int spatial) {
    return Math.max(1, (1 << 15) / Math.max(1, batch * spatial));
  }

  /** See {@link KernelBackend#channelSumSquares}. */
  public static void channelSumSquares(KernelBackend k, RowSumSquares rowSumSquares, float[] x, int xOff,
      int batch, int channels, int spatial, float[] center, float[] out) {
    Parallel.forRange(channels, grain(batch, spatial), Parallel.threads(), (c0, c1) -> {
      if (spatial == 1) {
        java.util.Arrays.fill(out, c0, c1, 0f);
        float[] d = Workspace.local().floats(Workspace.Slot.FEATURE_ROW, c1 - c0);
        for (int b = 0; b < batch; b++) {
          deviations(k, x, xOff + b * channels, center, c0, c1, d);
          k.mulAdd(d, 0, d, 0, out, c0, c1 - c0);                          // out[c] += d[c] · d[c]
        }
        return;
      }
      for (int c = c0; c < c1; c++) {
        float s = 0f;
        for (int b = 0; b < batch; b++) {
          s += rowSumSquares.apply(x, xOff + (b * channels + c) * spatial, center[c], spatial);
        }
        out[c] = s;
      }
    });
  }

  /** See {@link KernelBackend#channelDotCentered}. */
  public static void channelDotCentered(KernelBackend k, RowDotCentered rowDot, float[] g, int gOff, float[] x,
      int xOff, int batch, int channels, int spatial, float[] center, float[] out) {
    Parallel.forRange(channels, grain(batch, spatial), Parallel.threads(), (c0, c1) -> {
      if (spatial == 1) {
        java.util.Arrays.fill(out, c0, c1, 0f);
        float[] d = Workspace.local().floats(Workspace.Slot.FEATURE_ROW, c1 - c0);
        for (int b = 0; b < batch; b++) {
          deviations(k, x, xOff + b * channels, center, c0, c1, d);
          k.mulAdd(g, gOff + b * channels + c0, d, 0, out, c0, c1 - c0);   // out[c] += g[b][c] · d[c]
        }
        return;
      }
      for (int c = c0; c < c1; c++) {
        float s = 0f;
        for (int b = 0; b < batch; b++) {
          int plane = (b * channels + c) * spatial;
          s += rowDot.apply(g, gOff + plane, x, xOff + plane, center[c], spatial);
        }
        out[c] = s;
      }
    });
  }

  /** {@code d[c − c0] = x[row + c] − center[c]} for {@code c0 ≤ c < c1}: x + (−1 · center), rounded once. */
  private static void deviations(KernelBackend k, float[] x, int row, float[] center, int c0, int c1, float[] d) {
    System.arraycopy(x, row + c0, d, 0, c1 - c0);
    k.axpy(-1f, center, c0, d, 0, c1 - c0);
  }
}
