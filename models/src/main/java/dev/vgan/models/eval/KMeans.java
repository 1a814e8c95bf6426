package dev.vgan.models.eval;

import dev.vgan.engine.core.Rng;

/**
 * k-means with k-means++ seeding and Lloyd iterations, on row vectors (n × d): seeded, so the same data
 * and seed give the same clusters. An emptied cluster is re-seeded at the point farthest from its centre.
 *
 * @param centroids (k × d) row-major
 * @param assignment the cluster of each row
 * @param k clusters
 */
public record KMeans(float[] centroids, int[] assignment, int k) {
  /** Clusters {@code x} (n × d; not modified) into {@code k} groups in at most {@code iterations} rounds. */
  public static KMeans fit(float[] x, int n, int d, int k, int iterations, long seed) {
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k-means: k must be in 1.." + n + ", got " + k);
    }
    Rng rng = Rng.seeded(seed);
    float[] c = new float[k * d];
    double[] nearest = new double[n];
    java.util.Arrays.fill(nearest, Double.MAX_VALUE);
    int first = rng.nextInt(n);
    System.arraycopy(x, first * d, c, 0, d);
    for (int j = 1; j < k; j++) {                       // k-means++: next centre with probability ∝ D²
      double total = 0;
      for (int r = 0; r < n; r++) {
        nearest[r] = Math.min(nearest[r], distance(x, r * d, c, (j - 1) * d, d));
        total += nearest[r];
      }
      double target = rng.nextFloat() * total;
      int pick = n - 1;
      for (int r = 0; r < n; r++) {
        target -= nearest[r];
        if (target <= 0) {
          pick = r;
          break;
        }
      }
      System.arraycopy(x, pick * d, c, j * d, d);
    }
    int[] assign = new int[n];
    for (int it = 0; it < iterations; it++) {
      boolean changed = assignAll(x, n, d, c, k, assign) || it == 0;
      double[] sum = new double[k * d];
      int[] count = new int[k];
      for (int r = 0; r < n; r++) {
        count[assign[r]]++;
        for (int i = 0; i < d; i++) {
          sum[assign[r] * d + i] += x[r * d + i];
        }
      }
      for (int j = 0; j < k; j++) {
        if (count[j] == 0) {
          int far = farthest(x, n, d, c, assign);
          System.arraycopy(x, far * d, c, j * d, d);
          assign[far] = j;
          changed = true;
          continue;
        }
        for (int i = 0; i < d; i++) {
          c[j * d + i] = (float) (sum[j * d + i] / count[j]);
        }
      }
      if (!changed) {
        break;
      }
    }
    assignAll(x, n, d, c, k, assign);
    return new KMeans(c, assign, k);
  }

  private static boolean assignAll(float[] x, int n, int d, float[] c, int k, int[] assign) {
    boolean changed = false;
    for (int r = 0; r < n; r++) {
      int best = 0;
      double bestD = Double.MAX_VALUE;
      for (int j = 0; j < k; j++) {
        double dist = distance(x, r * d, c, j * d, d);
        if (dist < bestD) {
          bestD = dist;
          best = j;
        }
      }
      changed |= assign[r] != best;
      assign[r] = best;
    }
    return changed;
  }

  private static int farthest(float[] x, int n, int d, float[] c, int[] assign) {
    int far = 0;
    double farD = -1;
    for (int r = 0; r < n; r++) {
      double dist = distance(x, r * d, c, assign[r] * d, d);
      if (dist > farD) {
        farD = dist;
        far = r;
      }
    }
    return far;
  }

  private static double distance(float[] a, int aOff, float[] b, int bOff, int d) {
    double s = 0;
    for (int i = 0; i < d; i++) {
      double t = a[aOff + i] - b[bOff + i];
      s += t * t;
    }
    return s;
  }
}
