package dev.vgan.models.eval;

/**
 * The Fréchet distance between two Gaussians fitted to feature sets (FID when the features come from an
 * image classifier): {@code ‖μ₁ − μ₂‖² + tr Σ₁ + tr Σ₂ − 2 tr √(√Σ₁ Σ₂ √Σ₁)}. The matrix square roots
 * come from symmetric eigendecompositions (negative rounding-level eigenvalues clipped to 0), which
 * avoids the complex square root of the non-symmetric Σ₁Σ₂.
 */
public final class Fid {
  private Fid() {}

  /** The distance between features {@code a} (na × d) and {@code b} (nb × d), row-major. */
  public static double between(float[] a, int na, float[] b, int nb, int d) {
    double[] ma = mean(a, na, d), mb = mean(b, nb, d);
    double[] ca = covariance(a, na, d, ma), cb = covariance(b, nb, d, mb);
    double dist = 0;
    for (int i = 0; i < d; i++) {
      dist += (ma[i] - mb[i]) * (ma[i] - mb[i]) + ca[i * d + i] + cb[i * d + i];
    }
    double[] root = sqrtm(ca, d);
    double[] inner = multiply(multiply(root, cb, d), root, d);
    symmetrize(inner, d);
    double traceRoot = 0;
    for (double v : SymmetricEigen.of(inner, d).values()) {
      traceRoot += Math.sqrt(Math.max(v, 0));
    }
    return dist - 2 * traceRoot;
  }

  static double[] mean(float[] x, int n, int d) {
    double[] m = new double[d];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        m[j] += x[r * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      m[j] /= n;
    }
    return m;
  }

  /** The unbiased covariance (divides by n − 1, as numpy's {@code cov}). */
  static double[] covariance(float[] x, int n, int d, double[] mean) {
    double[] c = new double[d * d];
    double[] row = new double[d];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        row[j] = x[r * d + j] - mean[j];
      }
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) {
          c[i * d + j] += row[i] * row[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        c[i * d + j] /= n - 1;
        c[j * d + i] = c[i * d + j];
      }
    }
    return c;
  }

  /** The symmetric square root of a symmetric positive semi-definite matrix. */
  static double[] sqrtm(double[] a, int d) {
    SymmetricEigen e = SymmetricEigen.of(a, d);
    double[] out = new double[d * d];
    for (int k = 0; k < d; k++) {
      double s = Math.sqrt(Math.max(e.values()[k], 0));
      for (int i = 0; i < d; i++) {
        double vik = e.vectors()[i * d + k] * s;
        for (int j = 0; j < d; j++) {
          out[i * d + j] += vik * e.vectors()[j * d + k];
        }
      }
    }
    return out;
  }

  static double[] multiply(double[] a, double[] b, int d) {
    double[] c = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < d; k++) {
        double aik = a[i * d + k];
        for (int j = 0; j < d; j++) {
          c[i * d + j] += aik * b[k * d + j];
        }
      }
    }
    return c;
  }

  private static void symmetrize(double[] a, int d) {
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        double m = (a[i * d + j] + a[j * d + i]) / 2;
        a[i * d + j] = m;
        a[j * d + i] = m;
      }
    }
  }
}
