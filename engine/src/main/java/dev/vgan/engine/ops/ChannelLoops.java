package dev.vgan.engine.ops;

import dev.vgan.engine.kernel.Parallel;
import java.util.Arrays;

/**
 * Per-channel elementwise loops over a tensor viewed as {@code (n, c, s)}: batch, channels, spatial.
 * Channels are split over the thread pool (every element's formula is the same whichever thread runs
 * it). With {@code s == 1} (BatchNorm1d on features) each thread runs along rows over its channels,
 * where the channel index is the contiguous one; either way the inner loops are plain elementwise
 * loops the JIT vectorizes.
 */
final class ChannelLoops {
  private ChannelLoops() {}

  /** Channels per task: enough that a task touches at least 32K values. */
  private static int grain(int n, int s) {
    return Math.max(1, (1 << 15) / Math.max(1, n * s));
  }

  /** {@code y[n, c, s] = x[n, c, s] · a[c] + b[c]}. */
  static void affine(float[] x, float[] a, float[] b, int n, int c, int s, float[] y) {
    Parallel.forRange(c, grain(n, s), Parallel.threads(), (c0, c1) -> {
      for (int i = 0; i < n; i++) {
        if (s == 1) {
          int row = i * c;
          for (int j = c0; j < c1; j++) {
            y[row + j] = x[row + j] * a[j] + b[j];
          }
          continue;
        }
        for (int j = c0; j < c1; j++) {
          int base = (i * c + j) * s;
          float aj = a[j], bj = b[j];
          for (int q = 0; q < s; q++) {
            y[base + q] = x[base + q] * aj + bj;
          }
        }
      }
    });
  }

  /**
   * {@code dx[n, c, s] += a[c] · g[n, c, s] + b[c] · x[n, c, s] + k[c]}; with {@code add} false, dx's
   * contents are unspecified and it is written ({@code =}), each run zeroed just before it is added to.
   */
  static void addLinear(float[] g, float[] x, float[] a, float[] b, float[] k, int n, int c, int s, float[] dx,
      boolean add) {
    Parallel.forRange(c, grain(n, s), Parallel.threads(), (c0, c1) -> {
      for (int i = 0; i < n; i++) {
        if (s == 1) {
          int row = i * c;
          if (!add) {
            Arrays.fill(dx, row + c0, row + c1, 0f);
          }
          for (int j = c0; j < c1; j++) {
            dx[row + j] += a[j] * g[row + j] + b[j] * x[row + j] + k[j];
          }
          continue;
        }
        for (int j = c0; j < c1; j++) {
          int base = (i * c + j) * s;
          float aj = a[j], bj = b[j], kj = k[j];
          if (!add) {
            Arrays.fill(dx, base, base + s, 0f);
          }
          for (int q = 0; q < s; q++) {
            dx[base + q] += aj * g[base + q] + bj * x[base + q] + kj;
          }
        }
      }
    });
  }
}
