package dev.vgan.models.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.models.data.Sprites;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClustersTest {
  @Test
  void kMeansRecoversWellSeparatedBlobsAndIsSeeded() {
    int k = 4, per = 50, d = 3, n = k * per;
    float[] x = new float[n * d];
    int[] truth = new int[n];
    Random r = new Random(1);
    for (int i = 0; i < n; i++) {
      truth[i] = i % k;
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (float) ((j == truth[i] % d ? 10 : 0) + (truth[i] == 3 ? -10 : 0) + r.nextGaussian());
      }
    }
    KMeans a = KMeans.fit(x, n, d, k, 50, 7);
    int[][] counts = new int[k][k];
    for (int i = 0; i < n; i++) {
      counts[a.assignment()[i]][truth[i]]++;
    }
    assertEquals(n, Matching.best(counts), "every blob is one cluster");
    assertArrayEquals(a.assignment(), KMeans.fit(x, n, d, k, 50, 7).assignment());
  }

  @Test
  void pcaFindsTheDirectionsOfLargestVariance() {
    int n = 2000, d = 5;
    Random r = new Random(2);
    // An orthonormal basis from a fixed rotation in the (0, 1) and (2, 3) planes.
    double a = 0.6, b = 1.1;
    double[][] basis = {
        {Math.cos(a), Math.sin(a), 0, 0, 0}, {-Math.sin(a), Math.cos(a), 0, 0, 0},
        {0, 0, Math.cos(b), Math.sin(b), 0}, {0, 0, -Math.sin(b), Math.cos(b), 0}, {0, 0, 0, 0, 1}};
    double[] sd = {5, 3, 1.5, 0.5, 0.1};
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        double coef = sd[c] * r.nextGaussian();
        for (int j = 0; j < d; j++) {
          x[i * d + j] += (float) (coef * basis[c][j]) + (j == 0 ? 3f / d : 0f);
        }
      }
    }
    Pca pca = Pca.fit(x, n, d, 3, 30, 4);
    for (int c = 0; c < 3; c++) {
      double dot = 0;
      for (int j = 0; j < d; j++) {
        dot += pca.components()[c * d + j] * basis[c][j];
      }
      assertTrue(Math.abs(dot) > 0.99, "component " + c + " |cos| = " + Math.abs(dot));
    }
  }

  @Test
  void clusteringTheSpritesFindsMostOfTheirShapes() {
    Sprites s = new Sprites(400, 28, false, 1);
    Clusters.Result r = Clusters.of(s, Sprites.CLASSES.length, 0);
    assertEquals(8, r.labelled().classes());
    assertTrue(r.purity() > 1.0 / 8 + 0.05, "better than chance: " + r.purity());
    for (int i = 0; i < 400; i++) {
      assertTrue(r.labelled().label(i) >= 0 && r.labelled().label(i) < 8);
    }
  }
}
