package dev.vgan.models.eval;

import static dev.vgan.engine.testing.JsonLists.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgan.engine.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against scipy's sqrtm-based FID and numpy's eigh (fid/make_fid_golden.py). */
class FidTest {
  private static Map<String, Object> golden() throws Exception {
    return Json.parseObject(Files.readString(Path.of("src/test/resources/fid/fid_golden.json")));
  }

  @Test
  void fidMatchesScipy() throws Exception {
    Map<String, Object> g = golden();
    int d = ((Number) g.get("d")).intValue();
    double fid = Fid.between(floats(g.get("a")), 50, floats(g.get("b")), 40, d);
    assertEquals(((Number) g.get("fid")).doubleValue(), fid, 1e-9 * 5.2 + 1e-10);
    assertEquals(0.0, Fid.between(floats(g.get("a")), 50, floats(g.get("a")), 50, d), 1e-9);
  }

  @Test
  void eigenvaluesMatchNumpyAndVectorsAreOrthonormalEigenvectors() throws Exception {
    Map<String, Object> g = golden();
    float[] f = floats(g.get("sym"));
    double[] a = new double[f.length];
    List<?> exact = (List<?>) g.get("sym");
    for (int i = 0; i < a.length; i++) {
      a[i] = ((Number) exact.get(i)).doubleValue();
    }
    int n = 7;
    SymmetricEigen e = SymmetricEigen.of(a, n);
    List<?> want = (List<?>) g.get("eigenvalues_desc");
    for (int k = 0; k < n; k++) {
      assertEquals(((Number) want.get(k)).doubleValue(), e.values()[k], 1e-10, "eigenvalue " + k);
      for (int i = 0; i < n; i++) {
        double av = 0;
        for (int j = 0; j < n; j++) {
          av += a[i * n + j] * e.vectors()[j * n + k];
        }
        assertEquals(e.values()[k] * e.vectors()[i * n + k], av, 1e-9, "A v = λ v");
      }
      for (int m = 0; m < n; m++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += e.vectors()[i * n + k] * e.vectors()[i * n + m];
        }
        assertEquals(k == m ? 1 : 0, dot, 1e-12);
      }
    }
  }

  @Test
  void bestMatchingEqualsBruteForceOverPermutations() {
    java.util.Random r = new java.util.Random(3);
    for (int t = 0; t < 20; t++) {
      int[][] counts = new int[5][5];
      for (int[] row : counts) {
        for (int j = 0; j < 5; j++) {
          row[j] = r.nextInt(50);
        }
      }
      assertEquals(bruteForce(counts, 0, 0), Matching.best(counts));
    }
  }

  private static int bruteForce(int[][] c, int row, int used) {
    if (row == c.length) {
      return 0;
    }
    int best = 0;
    for (int j = 0; j < c[0].length; j++) {
      if ((used & (1 << j)) == 0) {
        best = Math.max(best, c[row][j] + bruteForce(c, row + 1, used | (1 << j)));
      }
    }
    return best;
  }
}
