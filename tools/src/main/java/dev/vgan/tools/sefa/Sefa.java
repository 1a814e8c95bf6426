package dev.vgan.tools.sefa;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.MatMulOps;
import dev.vgan.models.api.LatentProjection;
import dev.vgan.tools.latent.Directions;
import org.ejml.data.DMatrixRMaj;

/**
 * SeFa, closed-form factorization of latent semantics (Shen and Zhou, CVPR 2021): the directions in z
 * that the generator's first projection {@code A} (out, zDim) amplifies most are the top eigenvectors of
 * AᵀA. As the reference code does, each output unit's weights over z (a row of A here; a column of its
 * transposed weight there) are first scaled to unit norm, so no unit dominates by size alone.
 */
public final class Sefa {
  private Sefa() {}

  /** The {@code k} strongest directions, with their eigenvalues, tagged with the checkpoint's hash. */
  public static Directions directions(LatentProjection projection, int k, String checkpointSha256) {
    Tensor ata = product(normalizedRows(projection.weight()));
    int n = ata.size(0);
    boolean large = n >= 256 && k <= n / 16;                       // below that, the full decomposition is quicker
    TopEigen top = large ? SubspaceEigen.of(ata, k, blockWidth(k)) : TopEigen.of(symmetricDouble(ata), k);
    return new Directions("sefa", "z", "eigenvalue", top.floatVectors(), top.values(), checkpointSha256);
  }

  /**
   * Columns of the subspace iteration's block: 3k + 8, widened to what the GEMM computes for that many
   * anyway ({@link MatMulOps#paddedColumns}: a multiple of 16 columns on AVX2, 32 on AVX-512). The padding
   * would be multiplied as zeros; as vectors of the block it makes the iteration converge in fewer
   * products at the same cost per product (512 × 512, k = 5: 23 → 32 columns, 19.4 → 17.1 ms on an AVX2
   * EPYC, alternating JMH runs).
   */
  static int blockWidth(int k) {
    return MatMulOps.paddedColumns(3 * k + 8);
  }

  /** AᵀA (cols, cols) in double, exactly symmetric, the product by the engine's GEMM. */
  static DMatrixRMaj gram(Tensor a) {
    return symmetricDouble(product(a));
  }

  private static Tensor product(Tensor a) {
    try (var off = Autograd.noGrad()) {
      return MatMulOps.mm(a, true, a, false);
    }
  }

  /** A square matrix that is symmetric up to rounding, in double and exactly symmetric (as EJML's solver needs). */
  static DMatrixRMaj symmetricDouble(Tensor ata) {
    int n = ata.size(0);
    DMatrixRMaj m = new DMatrixRMaj(n, n);
    float[] d = ata.data();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m.data[i * n + j] = 0.5 * ((double) d[i * n + j] + d[j * n + i]);   // exactly symmetric for EJML
      }
    }
    return m;
  }

  /** {@code a} with every row scaled to unit norm (a zero row stays zero). */
  static Tensor normalizedRows(Tensor a) {
    int rows = a.size(0), cols = a.size(1);
    float[] out = a.data().clone();
    for (int r = 0; r < rows; r++) {
      double s = 0;
      for (int c = 0; c < cols; c++) {
        s += (double) out[r * cols + c] * out[r * cols + c];
      }
      float inv = s == 0 ? 0f : (float) (1 / Math.sqrt(s));
      for (int c = 0; c < cols; c++) {
        out[r * cols + c] *= inv;
      }
    }
    return Tensor.of(out, rows, cols);
  }
}
