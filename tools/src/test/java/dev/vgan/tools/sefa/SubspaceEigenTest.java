package dev.vgan.tools.sefa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.MatMulOps;
import org.junit.jupiter.api.Test;

/**
 * The fast path for k ≪ n, with the block width Sefa uses, against EJML's full symmetric eigendecomposition of
 * the same matrix.
 */
class SubspaceEigenTest {
  @Test
  void topEigenpairsMatchTheFullDecomposition() {
    int n = 300, k = 5;
    Tensor a = Sefa.normalizedRows(Tensor.randn(Rng.seeded(4), 260, n));
    Tensor m;
    try (var off = Autograd.noGrad()) {
      m = MatMulOps.mm(a, true, a, false);
    }
    TopEigen fast = SubspaceEigen.of(m, k, Sefa.blockWidth(k));
    TopEigen full = TopEigen.of(Sefa.gram(a), k);
    for (int j = 0; j < k; j++) {
      assertEquals(full.values()[j], fast.values()[j], 1e-4 * full.values()[0], "eigenvalue " + j);
      double cos = 0;
      for (int i = 0; i < n; i++) {
        cos += full.vectors()[j][i] * fast.vectors()[j][i];
      }
      assertEquals(1.0, cos, 1e-3, "vector " + j + " (same sign convention)");
    }
  }
}
