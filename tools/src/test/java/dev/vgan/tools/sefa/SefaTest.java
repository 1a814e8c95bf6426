package dev.vgan.tools.sefa;

import static dev.vgan.engine.testing.JsonLists.doubles;
import static dev.vgan.engine.testing.JsonLists.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.io.Json;
import dev.vgan.models.api.GanKind;
import dev.vgan.models.api.LatentProjection;
import dev.vgan.tools.latent.Directions;
import dev.vgan.tools.latent.LatentSpace;
import dev.vgan.tools.latent.TestCheckpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against numpy's eigh on a saved matrix (src/test/resources/sefa/make_sefa_golden.py). */
class SefaTest {
  @TempDir Path dir;

  static Map<String, Object> golden() throws Exception {
    return Json.parseObject(Files.readString(Path.of("src/test/resources/sefa/sefa_golden.json")));
  }

  static LatentProjection projection(Map<String, Object> g) {
    int rows = ((Number) g.get("rows")).intValue(), cols = ((Number) g.get("cols")).intValue();
    return new LatentProjection("w", Tensor.of(floats(g.get("a")), rows, cols));
  }

  @Test
  void eigenvaluesAndVectorsMatchNumpyEighSortedLargestFirst() throws Exception {
    Map<String, Object> g = golden();
    Directions d = Sefa.directions(projection(g), 16, "h");
    double[] want = doubles(g.get("sefa_values"));
    List<?> vectors = (List<?>) g.get("sefa_vectors");
    for (int i = 0; i < 16; i++) {
      assertEquals(want[i], d.scales()[i], 1e-5 * want[0], "eigenvalue " + i);
      if (i > 0) {
        assertTrue(d.scales()[i] <= d.scales()[i - 1], "sorted");
      }
      double gap = Math.min(i > 0 ? want[i - 1] - want[i] : Double.MAX_VALUE, i < 15 ? want[i] - want[i + 1] : Double.MAX_VALUE);
      if (gap > 1e-2 * want[0]) {      // a vector is only determined where its eigenvalue stands apart
        float[] v = floats(vectors.get(i));
        for (int j = 0; j < 16; j++) {
          assertEquals(v[j], d.vectors()[i][j], 1e-3, "vector " + i + " entry " + j);
        }
      }
    }
  }

  @Test
  void directionsAreOrthonormal() throws Exception {
    Directions d = Sefa.directions(projection(golden()), 16, "h");
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        double dot = 0;
        for (int c = 0; c < 16; c++) {
          dot += (double) d.vectors()[i][c] * d.vectors()[j][c];
        }
        assertEquals(i == j ? 1 : 0, dot, 1e-5, "v" + i + "·v" + j);
      }
    }
  }

  @Test
  void aGeneratorsDirectionsLiveInZAndCarryTheCheckpointHash() throws Exception {
    LatentSpace s = LatentSpace.open(TestCheckpoints.write(dir, GanKind.CGAN));
    Directions d = Sefa.directions(s.generator().projection(), 5, s.checkpointSha256());
    assertEquals(5, d.count());
    assertEquals(100, d.vectors()[0].length, "z's width, label columns left out");
    assertEquals(s.checkpointSha256(), d.checkpointSha256());
  }
}
