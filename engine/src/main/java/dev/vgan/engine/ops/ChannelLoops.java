package dev.vgan.engine.ops;

/**
 * Per-channel loops over a tensor viewed as {@code (n, c, s)}: batch, channels, spatial. With
 * {@code s == 1} (BatchNorm1d on features) they run along rows, where the channel index is the
 * contiguous one, so the JIT can vectorize them either way.
 */
final class ChannelLoops {
  private ChannelLoops() {}

  /** {@code y[n, c, s] = x[n, c, s] · a[c] + b[c]}. */
  static void affine(float[] x, float[] a, float[] b, int n, int c, int s, float[] y) {
    for (int i = 0; i < n; i++) {
      if (s == 1) {
        int row = i * c;
        for (int j = 0; j < c; j++) {
          y[row + j] = x[row + j] * a[j] + b[j];
        }
        continue;
      }
      for (int j = 0; j < c; j++) {
        int base = (i * c + j) * s;
        float aj = a[j], bj = b[j];
        for (int q = 0; q < s; q++) {
          y[base + q] = x[base + q] * aj + bj;
        }
      }
    }
  }

  /** {@code out[c] += Σ_{n,s} g[n, c, s] · (x[n, c, s] − center[c])}, accumulated in double per plane. */
  static void centeredDot(float[] g, float[] x, float[] center, int n, int c, int s, double[] out) {
    for (int i = 0; i < n; i++) {
      if (s == 1) {
        int row = i * c;
        for (int j = 0; j < c; j++) {
          out[j] += g[row + j] * (x[row + j] - center[j]);
        }
        continue;
      }
      for (int j = 0; j < c; j++) {
        int base = (i * c + j) * s;
        float m = center[j];
        float acc = 0f;
        for (int q = 0; q < s; q++) {
          acc += g[base + q] * (x[base + q] - m);
        }
        out[j] += acc;
      }
    }
  }

  /** {@code dx[n, c, s] += a[c] · g[n, c, s] + b[c] · x[n, c, s] + k[c]}. */
  static void addLinear(float[] g, float[] x, float[] a, float[] b, float[] k, int n, int c, int s, float[] dx) {
    for (int i = 0; i < n; i++) {
      if (s == 1) {
        int row = i * c;
        for (int j = 0; j < c; j++) {
          dx[row + j] += a[j] * g[row + j] + b[j] * x[row + j] + k[j];
        }
        continue;
      }
      for (int j = 0; j < c; j++) {
        int base = (i * c + j) * s;
        float aj = a[j], bj = b[j], kj = k[j];
        for (int q = 0; q < s; q++) {
          dx[base + q] += aj * g[base + q] + bj * x[base + q] + kj;
        }
      }
    }
  }
}
