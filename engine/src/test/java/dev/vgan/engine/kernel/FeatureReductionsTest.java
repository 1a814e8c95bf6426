package dev.vgan.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.vgan.engine.kernel.simd.SimdBackend;
import dev.vgan.engine.testing.Fixtures;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The per-channel reductions of a {@code (batch, channels)} tensor (BatchNorm1d's statistics), which run
 * through the backend's elementwise kernels, against the plain loops of their formulas: the same bits, on
 * both backends, on one thread and on three (whose channel ranges end mid-vector).
 */
class FeatureReductionsTest {
  private static final int BATCH = 5, CHANNELS = 20_011;

  @Test
  void featureReductionsGiveThePlainLoopsBits() {
    Random rng = new Random(7);
    float[] x = Fixtures.uniform(rng, 3 + BATCH * CHANNELS), g = Fixtures.uniform(rng, 2 + BATCH * CHANNELS);
    float[] center = Fixtures.uniform(rng, CHANNELS);
    float[] sums = new float[CHANNELS], squares = new float[CHANNELS], dots = new float[CHANNELS];
    for (int b = 0; b < BATCH; b++) {
      for (int c = 0; c < CHANNELS; c++) {
        float v = x[3 + b * CHANNELS + c], d = v - center[c];
        sums[c] += v;
        squares[c] += d * d;
        dots[c] += g[2 + b * CHANNELS + c] * d;
      }
    }
    int before = Parallel.threads();
    try {
      for (int threads : new int[] {1, 3}) {
        Parallel.setThreads(threads);
        for (KernelBackend k : new KernelBackend[] {ScalarBackend.INSTANCE, SimdBackend.INSTANCE}) {
          String where = k.name() + ", " + threads + " thread(s)";
          float[] out = new float[CHANNELS];
          k.channelSums(x, 3, BATCH, CHANNELS, 1, out);
          assertArrayEquals(sums, out, "sums, " + where);
          k.channelSumSquares(x, 3, BATCH, CHANNELS, 1, center, out);
          assertArrayEquals(squares, out, "centered squares, " + where);
          k.channelDotCentered(g, 2, x, 3, BATCH, CHANNELS, 1, center, out);
          assertArrayEquals(dots, out, "centered dot products, " + where);
        }
      }
    } finally {
      Parallel.setThreads(before);
    }
  }
}
