package dev.vgan.engine.ops;

import static dev.vgan.engine.ops.OpSupport.k;

import dev.vgan.engine.kernel.Parallel;
import dev.vgan.engine.kernel.Workspace;
import java.util.Arrays;

/**
 * Per-channel elementwise loops over a tensor viewed as {@code (n, c, s)}: batch, channels, spatial.
 * Channels are split over the thread pool (every element's formula is the same whichever thread runs
 * it). With {@code s > 1} the inner loops are plain elementwise loops the JIT vectorizes. With {@code s == 1}
 * (BatchNorm1d on features) each thread runs along rows over its channels, where the channel index is the
 * contiguous one, through the backend's elementwise kernels: the JIT leaves those loops scalar (the per-channel
 * coefficients and the rows are float arrays at different offsets it cannot prove apart), which halved their
 * speed. The kernels round each operation as the loops' formula does, so the bits are the same.
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
          int at = i * c + c0;
          k().mul(x, at, a, c0, y, at, c1 - c0);           // x · a
          k().add(y, at, b, c0, y, at, c1 - c0);           // + b
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
      float[] t = s == 1 ? Workspace.local().floats(Workspace.Slot.FEATURE_ROW, c1 - c0) : null;
      for (int i = 0; i < n; i++) {
        if (s == 1) {
          int at = i * c + c0, len = c1 - c0;
          if (!add) {
            Arrays.fill(dx, at, at + len, 0f);
          }
          k().mul(a, c0, g, at, t, 0, len);                // a · g
          k().mulAdd(b, c0, x, at, t, 0, len);             // + b · x
          k().add(t, 0, k, c0, t, 0, len);                 // + k
          k().add(dx, at, t, 0, dx, at, len);              // dx +
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
