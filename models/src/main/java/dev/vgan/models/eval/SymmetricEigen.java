package dev.vgan.models.eval;

/**
 * Eigenvalues and eigenvectors of a symmetric matrix by cyclic Jacobi rotations, in double precision —
 * small and exact enough for the covariance matrices of evaluation features (a few hundred wide). EJML
 * stays in tools/sefa, so models carry their own.
 *
 * @param values eigenvalues, descending
 * @param vectors row-major n×n, column j the unit eigenvector of {@code values[j]}
 */
public record SymmetricEigen(double[] values, double[] vectors) {
  /** Decomposes {@code a} (row-major n×n, symmetric; not modified). */
  public static SymmetricEigen of(double[] a, int n) {
    double[] m = a.clone();
    double[] v = new double[n * n];
    for (int i = 0; i < n; i++) {
      v[i * n + i] = 1;
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0, total = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          total += m[i * n + j] * m[i * n + j];
          if (i != j) {
            off += m[i * n + j] * m[i * n + j];
          }
        }
      }
      if (off <= 1e-30 * Math.max(total, 1e-300)) {
        break;
      }
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          rotate(m, v, n, p, q);
        }
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(m[y * n + y], m[x * n + x]));
    double[] values = new double[n], vectors = new double[n * n];
    for (int j = 0; j < n; j++) {
      values[j] = m[order[j] * n + order[j]];
      for (int i = 0; i < n; i++) {
        vectors[i * n + j] = v[i * n + order[j]];
      }
    }
    return new SymmetricEigen(values, vectors);
  }

  /** One Jacobi rotation zeroing m[p][q] (Golub and Van Loan, algorithm 8.5.2). */
  private static void rotate(double[] m, double[] v, int n, int p, int q) {
    double apq = m[p * n + q];
    if (Math.abs(apq) < 1e-300) {
      return;
    }
    double tau = (m[q * n + q] - m[p * n + p]) / (2 * apq);
    double t = Math.signum(tau) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
    if (tau == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(1 + t * t), s = t * c;
    for (int k = 0; k < n; k++) {                       // columns p and q
      double mkp = m[k * n + p], mkq = m[k * n + q];
      m[k * n + p] = c * mkp - s * mkq;
      m[k * n + q] = s * mkp + c * mkq;
    }
    for (int k = 0; k < n; k++) {                       // rows p and q
      double mpk = m[p * n + k], mqk = m[q * n + k];
      m[p * n + k] = c * mpk - s * mqk;
      m[q * n + k] = s * mpk + c * mqk;
    }
    for (int k = 0; k < n; k++) {
      double vkp = v[k * n + p], vkq = v[k * n + q];
      v[k * n + p] = c * vkp - s * vkq;
      v[k * n + q] = s * vkp + c * vkq;
    }
  }
}
