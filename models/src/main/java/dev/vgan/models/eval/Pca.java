package dev.vgan.models.eval;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/**
 * The top principal components of row vectors by subspace iteration: {@code V ← orth(Xcᵀ·(Xc·V))}
 * repeated, with the products on the engine's GEMM. Enough for k-means features; not a general SVD.
 *
 * @param mean the column means (d)
 * @param components (k, d) row-major, orthonormal rows, by decreasing variance
 */
public record Pca(float[] mean, float[] components, int k, int d) {
  /** The top {@code k} components of {@code x} (n × d, row-major; not modified), from {@code iterations} rounds. */
  public static Pca fit(float[] x, int n, int d, int k, int iterations, long seed) {
    float[] mean = new float[d];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[r * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    float[] centered = new float[n * d];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        centered[r * d + j] = x[r * d + j] - mean[j];
      }
    }
    try (var off = Autograd.noGrad()) {
      Tensor xc = Tensor.of(centered, n, d);
      Tensor xct = Tensor.of(transpose(centered, n, d), d, n);
      Tensor v = Tensor.randn(Rng.seeded(seed), d, k);               // (d, k)
      for (int it = 0; it < iterations; it++) {
        v = Ops.matmul(xct, Ops.matmul(xc, v));                      // (d, k)
        orthonormalizeColumns(v.data(), d, k);
      }
      // Order by variance: ‖Xc·v_j‖².
      float[] proj = Ops.matmul(xc, v).data();
      double[] var = new double[k];
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < k; j++) {
          var[j] += (double) proj[r * k + j] * proj[r * k + j];
        }
      }
      Integer[] order = new Integer[k];
      for (int j = 0; j < k; j++) {
        order[j] = j;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(var[b], var[a]));
      float[] comps = new float[k * d];
      for (int j = 0; j < k; j++) {
        for (int i = 0; i < d; i++) {
          comps[j * d + i] = v.data()[i * k + order[j]];
        }
      }
      return new Pca(mean, comps, k, d);
    }
  }

  /** The coordinates of {@code x} (n × d) on the components: (n × k). */
  public float[] project(float[] x, int n) {
    float[] out = new float[n * k];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < k; j++) {
        double s = 0;
        for (int i = 0; i < d; i++) {
          s += (x[r * d + i] - mean[i]) * components[j * d + i];
        }
        out[r * k + j] = (float) s;
      }
    }
    return out;
  }

  private static float[] transpose(float[] a, int rows, int cols) {
    float[] t = new float[a.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = a[r * cols + c];
      }
    }
    return t;
  }

  /** Modified Gram–Schmidt on the k columns of a (d × k) row-major matrix, in double. */
  static void orthonormalizeColumns(float[] v, int d, int k) {
    for (int j = 0; j < k; j++) {
      for (int p = 0; p < j; p++) {
        double dot = 0;
        for (int i = 0; i < d; i++) {
          dot += (double) v[i * k + j] * v[i * k + p];
        }
        for (int i = 0; i < d; i++) {
          v[i * k + j] -= (float) (dot * v[i * k + p]);
        }
      }
      double norm = 0;
      for (int i = 0; i < d; i++) {
        norm += (double) v[i * k + j] * v[i * k + j];
      }
      double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (int i = 0; i < d; i++) {
        v[i * k + j] = (float) (v[i * k + j] * inv);
      }
    }
  }
}
