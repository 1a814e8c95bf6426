package dev.vgan.tools.sefa;

import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The k largest eigenpairs of a symmetric matrix, by EJML's symmetric QR algorithm, sorted by eigenvalue
 * (EJML, like numpy's {@code eig} in the SeFa reference code, returns them in no promised order).
 *
 * @param values k eigenvalues, largest first
 * @param vectors k unit eigenvectors, one per row, each with its largest-magnitude entry positive (a
 *     sign convention, so results compare across runs and tools)
 */
record TopEigen(double[] values, double[][] vectors) {
  static TopEigen of(DMatrixRMaj symmetric, int k) {
    int n = symmetric.numRows;
    if (symmetric.numCols != n || k < 1 || k > n) {
      throw new IllegalArgumentException("eigen: need a square matrix and 1 <= k <= " + n + ", got k " + k);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(symmetric.copy())) {
      throw new IllegalStateException("eigen: EJML's symmetric eigendecomposition did not converge");
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> eig.getEigenvalue(i).real).reversed());
    double[] values = new double[k];
    double[][] vectors = new double[k][];
    for (int j = 0; j < k; j++) {
      values[j] = eig.getEigenvalue(order[j]).real;
      vectors[j] = unitWithPositivePeak(eig.getEigenVector(order[j]).data.clone());
    }
    return new TopEigen(values, vectors);
  }

  /** {@code v} scaled in place to unit norm, its largest-magnitude entry made positive. */
  static double[] unitWithPositivePeak(double[] v) {
    int big = 0;
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      norm += v[i] * v[i];
      if (Math.abs(v[i]) > Math.abs(v[big])) {
        big = i;
      }
    }
    double s = (v[big] < 0 ? -1 : 1) / Math.sqrt(norm);
    for (int i = 0; i < v.length; i++) {
      v[i] *= s;
    }
    return v;
  }

  /** The vectors as floats. */
  float[][] floatVectors() {
    float[][] out = new float[vectors.length][];
    for (int j = 0; j < vectors.length; j++) {
      out[j] = toFloats(vectors[j]);
    }
    return out;
  }

  static float[] toFloats(double[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) v[i];
    }
    return out;
  }
}
