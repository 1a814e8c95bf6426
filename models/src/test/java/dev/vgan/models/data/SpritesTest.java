package dev.vgan.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpritesTest {
  @Test
  void imagesAreDeterministicPerSeedAndIndexAndStayInRange() {
    Sprites a = new Sprites(100, 32, true, 7), b = new Sprites(100, 32, true, 7), c = new Sprites(100, 32, true, 8);
    float[] x = new float[3 * 32 * 32], y = x.clone(), z = x.clone();
    for (int i : new int[] {0, 5, 99}) {
      a.image(i, x, 0);
      b.image(i, y, 0);
      c.image(i, z, 0);
      assertArrayEquals(x, y, "same seed, image " + i);
      assertFalse(Arrays.equals(x, z), "another seed, image " + i);
      for (float v : x) {
        assertTrue(v >= -1f && v <= 1f, "value " + v);
      }
      assertEquals(x[0], x[31 * 32 + 31], "the corners are background");
    }
    assertEquals(3, a.label(3));
    assertEquals(0, a.label(8));
    assertEquals(8, a.classes());
  }

  @Test
  void shapeAreasMatchTheirGeometry() {
    // Monte Carlo over [-1.2, 1.2]², 600² points, against each shape's area in radius units.
    double[] expected = {Math.PI, 2.56, 0.5 * 1.7 * 1.87, Math.PI * (1 - 0.36), 4 * 0.95 * 0.56 - 0.56 * 0.56, 2.0};
    int n = 600;
    for (int shape = 0; shape < expected.length; shape++) {
      int inside = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (Sprites.inside(shape, -1.2 + 2.4 * (i + 0.5) / n, -1.2 + 2.4 * (j + 0.5) / n)) {
            inside++;
          }
        }
      }
      double area = inside * 2.4 * 2.4 / n / n;
      assertEquals(expected[shape], area, 0.02 * expected[shape], Sprites.CLASSES[shape]);
    }
  }

  @Test
  void grayImagesAverageTheColor() {
    Sprites rgb = new Sprites(10, 16, true, 3), gray = new Sprites(10, 16, false, 3);
    float[] c = new float[3 * 256], g = new float[256];
    rgb.image(4, c, 0);
    gray.image(4, g, 0);
    for (int p = 0; p < 256; p++) {
      boolean background = c[p] == c[256 + p] && c[p] == c[512 + p] && c[p] == c[0];
      float expected = background ? c[p] : (c[p] + c[256 + p] + c[512 + p]) / 3f;
      assertEquals(expected, g[p], 1e-6f, "pixel " + p);
    }
  }
}
