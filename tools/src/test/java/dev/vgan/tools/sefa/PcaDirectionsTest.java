package dev.vgan.tools.sefa;

import static dev.vgan.engine.testing.JsonLists.doubles;
import static dev.vgan.engine.testing.JsonLists.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * For x = A·z with z ~ N(0, I) the principal components mapped back to z are A's right singular vectors,
 * with standard deviations equal to its singular values (numpy's SVD, make_sefa_golden.py).
 */
class PcaDirectionsTest {
  @Test
  void directionsTendToTheRightSingularVectorsWithTheirSigmas() throws Exception {
    Map<String, Object> g = SefaTest.golden();
    PcaDirections pca = PcaDirections.of(SefaTest.projection(g), 3, 3000, 11, "h");
    double[] s = doubles(g.get("right_singular_values"));
    List<?> vectors = (List<?>) g.get("right_singular_vectors");
    double total = 0;
    for (double x : s) {
      total += x * x;
    }
    for (int i = 0; i < 3; i++) {
      float[] want = floats(vectors.get(i));
      double cos = 0;
      for (int c = 0; c < want.length; c++) {
        cos += want[c] * pca.directions().vectors()[i][c];
      }
      assertTrue(cos > 0.99, "direction " + i + ": cos " + cos);
      assertEquals(s[i], pca.directions().scales()[i], 0.05 * s[i], "sigma " + i);
      assertEquals(s[i] * s[i] / total, pca.explainedVariance()[i], 0.03, "explained variance " + i);
    }
  }
}
