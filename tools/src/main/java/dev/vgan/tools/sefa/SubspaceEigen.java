package dev.vgan.tools.sefa;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.MatMulOps;

/**
 * The k largest eigenpairs of a large symmetric positive semi-definite matrix by subspace iteration with
 * Rayleigh–Ritz: a block of p > k vectors is multiplied by M (the engine's GEMM, the only O(n²) work),
 * the small p×p problem is solved by EJML, and the block is re-orthonormalized every few products, until
 * every one of the k Ritz pairs has a residual ‖M·v − θ·v‖ ≤ tol·θ₁. For k ≪ n this costs a few dozen
 * n×n×p products instead of a full O(n³) eigendecomposition (SeFa's 512×512 case: about 60 products,
 * ~11 ms, where EJML's full symmetric QR takes ~170 ms).
 */
final class SubspaceEigen {
  static final double TOLERANCE = 1e-5;
  private static final int MAX_ITERATIONS = 2000;
  /** Products by M between two orthonormalizations: cheap steps, the block stays well conditioned. */
  private static final int POWER_STEPS = 4;

  private SubspaceEigen() {}

  /** The top {@code k} eigenpairs of {@code m} (n, n), symmetric PSD, with a block of {@code p} vectors. */
  static TopEigen of(Tensor m, int k, int p) {
    int n = m.size(0);
    if (k < 1 || p <= k || p > n) {
      throw new IllegalArgumentException("subspace: need 1 <= k < p <= n, got k " + k + ", p " + p + ", n " + n);
    }
    Tensor v = orthonormalColumns(Tensor.randn(Rng.seeded(1), n, p));           // (n, p), fixed start
    try (var off = Autograd.noGrad()) {
      for (int it = 0; it < MAX_ITERATIONS; it += POWER_STEPS) {
        // M is symmetric, so M·V is computed as Mᵀ·V: the GEMM then reads M in place instead of packing
        // all of it for a V only p columns wide.
        for (int s = 1; s < POWER_STEPS; s++) {
          v = MatMulOps.mm(m, true, v, false);
        }
        v = orthonormalColumns(v);
        Tensor w = MatMulOps.mm(m, true, v, false);                           // M·V (n, p)
        TopEigen ritz = TopEigen.of(Sefa.symmetricDouble(MatMulOps.mm(v, true, w, false)), p);   // Vᵀ·M·V (p, p)
        Tensor y = Tensor.of(TopEigen.toFloats(columnsOf(ritz.vectors())), p, p);
        Tensor vr = MatMulOps.mm(v, false, y, false), wr = MatMulOps.mm(w, false, y, false);
        if (converged(vr, wr, ritz.values(), k)) {
          return result(vr, ritz.values(), k);
        }
        v = wr;
      }
    }
    throw new IllegalStateException("subspace iteration did not converge in " + MAX_ITERATIONS + " iterations");
  }

  private static boolean converged(Tensor v, Tensor w, double[] theta, int k) {
    int n = v.size(0), p = v.size(1);
    float[] vd = v.data(), wd = w.data();
    for (int j = 0; j < k; j++) {
      double r = 0;
      for (int i = 0; i < n; i++) {
        double d = wd[i * p + j] - theta[j] * vd[i * p + j];
        r += d * d;
      }
      if (Math.sqrt(r) > TOLERANCE * Math.abs(theta[0])) {
        return false;
      }
    }
    return true;
  }

  private static TopEigen result(Tensor v, double[] theta, int k) {
    int n = v.size(0), p = v.size(1);
    double[][] vectors = new double[k][n];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) {
        vectors[j][i] = v.data()[i * p + j];
      }
      TopEigen.unitWithPositivePeak(vectors[j]);
    }
    return new TopEigen(java.util.Arrays.copyOf(theta, k), vectors);
  }

  /** The Ritz vectors (rows of {@code rows}) as the columns of a p×p row-major array. */
  private static double[] columnsOf(double[][] rows) {
    int p = rows.length;
    double[] out = new double[p * p];
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < p; i++) {
        out[i * p + j] = rows[j][i];
      }
    }
    return out;
  }

  /** Modified Gram–Schmidt, twice (once is not enough in float), on the columns of {@code a} (n, p). */
  static Tensor orthonormalColumns(Tensor a) {
    int n = a.size(0), p = a.size(1);
    double[][] cols = new double[p][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        cols[j][i] = a.data()[i * p + j];
      }
    }
    for (int pass = 0; pass < 2; pass++) {
      for (int j = 0; j < p; j++) {
        for (int q = 0; q < j; q++) {
          double dot = dot(cols[j], cols[q]);
          for (int i = 0; i < n; i++) {
            cols[j][i] -= dot * cols[q][i];
          }
        }
        double inv = 1 / Math.sqrt(dot(cols[j], cols[j]));
        for (int i = 0; i < n; i++) {
          cols[j][i] *= inv;
        }
      }
    }
    float[] out = new float[n * p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        out[i * p + j] = (float) cols[j][i];
      }
    }
    return Tensor.of(out, n, p);
  }

  /**
   * {@code Σ x[i]·y[i]} in four interleaved partial sums: a single running sum is one dependent chain of
   * additions the JIT may not reorder, and Gram–Schmidt was a fifth of SeFa's time with it.
   */
  private static double dot(double[] x, double[] y) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    for (; i + 4 <= x.length; i += 4) {
      s0 += x[i] * y[i];
      s1 += x[i + 1] * y[i + 1];
      s2 += x[i + 2] * y[i + 2];
      s3 += x[i + 3] * y[i + 3];
    }
    for (; i < x.length; i++) {
      s0 += x[i] * y[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

}
