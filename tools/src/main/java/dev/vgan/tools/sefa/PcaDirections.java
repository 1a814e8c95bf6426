package dev.vgan.tools.sefa;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.models.api.LatentProjection;
import dev.vgan.tools.latent.Directions;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The PCA baseline beside SeFa, as GANSpace does it for generators whose z meets a linear layer first:
 * sample N z from the prior, take the first projection's activations x = A·z, find their principal
 * components, and map each back to z by least squares (the z direction u whose coordinate best predicts
 * the component's score, u ∝ Zᵀv for the component's score vector v).
 *
 * <p>Nothing of size out×out or N×N is formed. With Z (N, zDim) centered, C = ZᵀZ and M = AᵀA, the score
 * vectors solve Z·M·Zᵀ v = λ v, so u = Zᵀv solves C·M·u = λ u; with the Cholesky factor C = L·Lᵀ and
 * u = L·y this is the symmetric zDim×zDim problem Lᵀ·M·L·y = λ y. For a linear first layer the directions
 * tend, as N grows, to A's right singular vectors — SeFa without its per-unit normalization.
 *
 * @param directions unit z directions, scale = the component's standard deviation in activation space
 * @param explainedVariance each component's share of the activations' total variance
 */
public record PcaDirections(Directions directions, double[] explainedVariance) {
  /** The {@code k} leading directions from {@code samples} prior samples (more than zDim) drawn with {@code seed}. */
  public static PcaDirections of(LatentProjection projection, int k, int samples, long seed, String checkpointSha256) {
    Tensor a = projection.weight();                                         // (out, zDim)
    int zDim = a.size(1);
    if (samples <= zDim || k < 1 || k > zDim) {
      throw new IllegalArgumentException("pca: need more samples than z has entries (" + zDim + ") and 1 <= k <= "
          + zDim + ", got " + samples + " samples, k " + k);
    }
    Tensor z = centered(Tensor.randn(Rng.seeded(seed), samples, zDim));     // (N, zDim)
    DMatrixRMaj c = Sefa.gram(z), m = Sefa.gram(a);                        // ZᵀZ, AᵀA
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(zDim, true);
    if (!chol.decompose(c.copy())) {
      throw new IllegalStateException("pca: the samples' covariance is not positive definite");
    }
    DMatrixRMaj l = chol.getT(null);
    DMatrixRMaj ml = new DMatrixRMaj(zDim, zDim), s = new DMatrixRMaj(zDim, zDim);
    CommonOps_DDRM.mult(m, l, ml);
    CommonOps_DDRM.multTransA(l, ml, s);
    symmetrize(s);
    TopEigen top = TopEigen.of(s, k);
    double trace = CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(c, m, null));   // tr(C·M), C and M symmetric
    float[][] vectors = new float[k][];
    double[] sigma = new double[k], explained = new double[k];
    DMatrixRMaj y = new DMatrixRMaj(zDim, 1), u = new DMatrixRMaj(zDim, 1);
    for (int j = 0; j < k; j++) {
      System.arraycopy(top.vectors()[j], 0, y.data, 0, zDim);
      CommonOps_DDRM.mult(l, y, u);
      vectors[j] = TopEigen.toFloats(TopEigen.unitWithPositivePeak(u.data.clone()));
      sigma[j] = Math.sqrt(Math.max(0, top.values()[j]) / (samples - 1));
      explained[j] = trace == 0 ? 0 : top.values()[j] / trace;
    }
    return new PcaDirections(new Directions("pca", "z", "sigma", vectors, sigma, checkpointSha256), explained);
  }

  private static void symmetrize(DMatrixRMaj s) {
    int n = s.numRows;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double v = 0.5 * (s.get(i, j) + s.get(j, i));
        s.set(i, j, v);
        s.set(j, i, v);
      }
    }
  }

  private static Tensor centered(Tensor z) {
    int n = z.size(0), d = z.size(1);
    float[] v = z.data();
    for (int col = 0; col < d; col++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += v[i * d + col];
      }
      mean /= n;
      for (int i = 0; i < n; i++) {
        v[i * d + col] -= (float) mean;
      }
    }
    return z;
  }
}
