package dev.vgan.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.vgan.engine.kernel.Parallel;
import dev.vgan.engine.testing.Fixtures;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Batch norm's per-channel elementwise loops on features ({@code s == 1}, where they run through the
 * backend's kernels) and on planes, against the plain loops of their formulas: the same bits, on one
 * thread and on three.
 */
class ChannelLoopsTest {
  @Test
  void affineAndAddLinearGiveThePlainLoopsBits() {
    Random rng = new Random(8);
    int before = Parallel.threads();
    try {
      for (int[] shape : new int[][] {{5, 20_011, 1}, {3, 7, 33}}) {
        int n = shape[0], c = shape[1], s = shape[2], len = n * c * s;
        float[] x = Fixtures.uniform(rng, len), g = Fixtures.uniform(rng, len), old = Fixtures.uniform(rng, len);
        float[] a = Fixtures.uniform(rng, c), b = Fixtures.uniform(rng, c), k = Fixtures.uniform(rng, c);
        float[] affine = new float[len], added = old.clone(), written = new float[len];
        for (int i = 0; i < len; i++) {
          int j = i / s % c;
          affine[i] = x[i] * a[j] + b[j];
          added[i] += a[j] * g[i] + b[j] * x[i] + k[j];
          written[i] += a[j] * g[i] + b[j] * x[i] + k[j];
        }
        for (int threads : new int[] {1, 3}) {
          Parallel.setThreads(threads);
          String where = n + "×" + c + "×" + s + ", " + threads + " thread(s)";
          float[] y = new float[len];
          ChannelLoops.affine(x, a, b, n, c, s, y);
          assertArrayEquals(affine, y, "affine, " + where);
          float[] dx = old.clone();
          ChannelLoops.addLinear(g, x, a, b, k, n, c, s, dx, true);
          assertArrayEquals(added, dx, "addLinear onto a gradient, " + where);
          dx = Fixtures.uniform(rng, len);           // whatever was there is overwritten
          ChannelLoops.addLinear(g, x, a, b, k, n, c, s, dx, false);
          assertArrayEquals(written, dx, "addLinear into fresh storage, " + where);
        }
      }
    } finally {
      Parallel.setThreads(before);
    }
  }
}
