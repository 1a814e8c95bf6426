package dev.vgan.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.kernel.simd.SimdBackend;
import dev.vgan.engine.testing.Fixtures;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lowered convolution against a direct double-precision convolution (forward), and its two
 * backward routines against the adjoint identities a bilinear map must satisfy:
 * {@code <conv(x, w), dy> = <x, dx> = <w, dw>}.
 */
class ConvLoweringTest {
  private static final ConvGeometry G = new ConvGeometry(3, 9, 8, 4, 3, 2, 1, 1, 1, 1, 1);
  private static final int BATCH = 2, OUT = 5;

  private static double[] direct(float[] x, float[] w) {
    int oh = G.outHeight(), ow = G.outWidth();
    double[] y = new double[BATCH * OUT * oh * ow];
    for (int n = 0; n < BATCH; n++) {
      for (int o = 0; o < OUT; o++) {
        for (int oy = 0; oy < oh; oy++) {
          for (int ox = 0; ox < ow; ox++) {
            double s = 0;
            for (int c = 0; c < G.channels(); c++) {
              for (int i = 0; i < G.kernelH(); i++) {
                for (int j = 0; j < G.kernelW(); j++) {
                  int iy = oy * G.strideH() - G.padH() + i, ix = ox * G.strideW() - G.padW() + j;
                  if (iy >= 0 && iy < G.height() && ix >= 0 && ix < G.width()) {
                    s += (double) w[((o * G.channels() + c) * G.kernelH() + i) * G.kernelW() + j]
                        * x[((n * G.channels() + c) * G.height() + iy) * G.width() + ix];
                  }
                }
              }
            }
            y[((n * OUT + o) * oh + oy) * ow + ox] = s;
          }
        }
      }
    }
    return y;
  }

  @Test
  void forwardMatchesDirectConvolutionOnBothBackends() {
    Random rng = new Random(1);
    float[] x = Fixtures.uniform(rng, BATCH * G.imageSize()), w = Fixtures.uniform(rng, OUT * G.colRows());
    double[] expected = direct(x, w);
    for (KernelBackend k : new KernelBackend[] {ScalarBackend.INSTANCE, SimdBackend.INSTANCE}) {
      float[] y = new float[expected.length];
      ConvLowering.forward(k, G, BATCH, OUT, x, 0, w, 0, y, 0);
      Fixtures.assertClose(k.name() + " conv forward", expected, y, 0, 4 * G.colRows() * Fixtures.FLOAT_EPS);
    }
  }

  @Test
  void backwardRoutinesAreTheAdjointsOfForward() {
    Random rng = new Random(2);
    float[] x = Fixtures.uniform(rng, BATCH * G.imageSize()), w = Fixtures.uniform(rng, OUT * G.colRows());
    float[] dy = Fixtures.uniform(rng, BATCH * OUT * G.colCols());
    double lhs = 0;
    double[] y = direct(x, w);
    for (int i = 0; i < y.length; i++) {
      lhs += y[i] * dy[i];
    }
    for (KernelBackend k : new KernelBackend[] {ScalarBackend.INSTANCE, SimdBackend.INSTANCE}) {
      float[] dx = new float[x.length], dw = new float[w.length];
      ConvLowering.backwardData(k, G, BATCH, OUT, w, 0, dy, 0, dx, 0);
      ConvLowering.backwardWeight(k, G, BATCH, OUT, x, 0, dy, 0, dw, 0);
      assertEquals(lhs, ScalarKernelsTest.dot(x, dx), 1e-4, k.name() + " <conv(x), dy> = <x, dx>");
      assertEquals(lhs, ScalarKernelsTest.dot(w, dw), 1e-4, k.name() + " <conv(x), dy> = <w, dw>");
      // Both accumulate: a second call doubles the gradients.
      float[] dw2 = dw.clone();
      ConvLowering.backwardWeight(k, G, BATCH, OUT, x, 0, dy, 0, dw2, 0);
      assertEquals(2 * lhs, ScalarKernelsTest.dot(w, dw2), 2e-4, k.name() + " backwardWeight accumulates");
    }
  }

  @Test
  void weightGradientsOfSmallAndLargeWeightsMatchTheDoubleSum() {
    Random rng = new Random(12);
    // W2's D conv1 (64 × 16 weights) and D conv2 (128 × 1024), at a batch that leaves a short last chunk:
    // in partial sums (more chunks than partials, so partials sum several chunks) and with one partial (one
    // GEMM after another into dw).
    ConvGeometry small = ConvGeometry.square(1, 28, 28, 4, 2, 1), large = ConvGeometry.square(64, 14, 14, 4, 2, 1);
    int[] outs = {64, 128};
    ConvGeometry[] geometries = {small, large};
    int batch = 11, chunk = 1;
    assertEquals(ConvLowering.MAX_WEIGHT_PARTIALS, ConvLowering.weightPartials(128 * large.colRows(), batch));
    for (int gi = 0; gi < 2; gi++) {
      ConvGeometry g = geometries[gi];
      int out = outs[gi], oh = g.outHeight(), ow = g.outWidth();
      float[] x = Fixtures.uniform(rng, batch * g.imageSize()), dy = Fixtures.uniform(rng, batch * out * oh * ow);
      float[] start = Fixtures.uniform(rng, out * g.colRows());
      double[] expected = new double[start.length];
      for (int o = 0; o < out; o++) {
        for (int c = 0; c < g.channels(); c++) {
          for (int i = 0; i < g.kernelH(); i++) {
            for (int j = 0; j < g.kernelW(); j++) {
              double s = start[((o * g.channels() + c) * g.kernelH() + i) * g.kernelW() + j];
              for (int n = 0; n < batch; n++) {
                for (int oy = 0; oy < oh; oy++) {
                  for (int ox = 0; ox < ow; ox++) {
                    int iy = oy * g.strideH() - g.padH() + i, ix = ox * g.strideW() - g.padW() + j;
                    if (iy >= 0 && iy < g.height() && ix >= 0 && ix < g.width()) {
                      s += (double) dy[((n * out + o) * oh + oy) * ow + ox]
                          * x[((n * g.channels() + c) * g.height() + iy) * g.width() + ix];
                    }
                  }
                }
              }
              expected[((o * g.channels() + c) * g.kernelH() + i) * g.kernelW() + j] = s;
            }
          }
        }
      }
      for (KernelBackend k : new KernelBackend[] {ScalarBackend.INSTANCE, SimdBackend.INSTANCE}) {
        for (int partials : new int[] {ConvLowering.MAX_WEIGHT_PARTIALS, 1}) {
          float[] dw = start.clone();                    // accumulates onto what is there
          ConvLowering.backwardWeight(k, g, batch, out, x, 0, dy, 0, dw, 0, chunk, partials);
          Fixtures.assertClose(k.name() + " " + g + " dw, " + partials + " partials", expected, dw, 0,
              batch * oh * ow * 4 * Fixtures.FLOAT_EPS);
        }
      }
    }
  }

  @Test
  void chunkingTheBatchDoesNotChangeTheResults() {
    Random rng = new Random(3);
    int batch = 3;
    float[] x = Fixtures.uniform(rng, batch * G.imageSize()), w = Fixtures.uniform(rng, OUT * G.colRows());
    float[] dy = Fixtures.uniform(rng, batch * OUT * G.colCols());
    KernelBackend k = SimdBackend.INSTANCE;
    float[][] whole = new float[3][], split = new float[3][];
    for (int chunk : new int[] {batch, 1}) {
      float[] y = new float[dy.length], dx = new float[x.length], dw = new float[w.length];
      ConvLowering.forward(k, G, batch, OUT, x, 0, w, 0, y, 0, false, chunk);
      ConvLowering.backwardData(k, G, batch, OUT, w, 0, dy, 0, dx, 0, chunk, true);
      ConvLowering.backwardWeight(k, G, batch, OUT, x, 0, dy, 0, dw, 0, chunk);
      float[][] r = chunk == batch ? whole : split;
      r[0] = y;
      r[1] = dx;
      r[2] = dw;
    }
    Fixtures.assertClose("forward", whole[0], split[0], 0);
    Fixtures.assertClose("backwardData", whole[1], split[1], 0);
    Fixtures.assertClose("backwardWeight", whole[2], split[2], 1e-5);
  }

  @Test
  void colToImageByPhasesEqualsTheScatter() {
    Random rng = new Random(5);
    ConvGeometry[] geometries = {
        ConvGeometry.square(16, 14, 14, 4, 2, 1),                 // W2's layers
        new ConvGeometry(3, 9, 8, 4, 3, 2, 1, 1, 1, 1, 1),        // stride 2 by 1, a 4×3 kernel
        ConvGeometry.square(2, 15, 15, 4, 2, 1),                  // (H + 2p − k) odd: the last row gets no tap
        new ConvGeometry(3, 11, 13, 6, 6, 3, 3, 2, 0, 1, 1),      // stride 3, a 6×6 kernel, padding 2 by 0
        ConvGeometry.square(4, 8, 8, 2, 2, 0)};                   // kernel = stride: the phases do not overlap
    for (ConvGeometry g : geometries) {
      assertTrue(PhaseCol2im.suits(g, 1), g.toString());
      for (int batch : new int[] {1, 5}) {
        int out = 7;
        float[] w = Fixtures.uniform(rng, out * g.colRows()), dy = Fixtures.uniform(rng, batch * out * g.colCols());
        float[] start = Fixtures.uniform(rng, batch * g.imageSize());     // both accumulate onto it
        float[] scatter = start.clone(), phases = start.clone();
        for (KernelBackend k : new KernelBackend[] {ScalarBackend.INSTANCE, SimdBackend.INSTANCE}) {
          ConvLowering.backwardData(k, g, batch, out, w, 0, dy, 0, scatter, 0, 2, true);
          ConvLowering.backwardDataByPhases(k, g, batch, out, w, 0, dy, 0, phases, 0, 2, true);
          Fixtures.assertClose(k.name() + " " + g + " batch " + batch, scatter, phases, 0);
        }
      }
    }
  }

  /**
   * Writing backward-data (a gradient's first contribution) equals adding it onto zeros, and never reads
   * the old contents: dx starts full of NaN. Each of the three paths: DirectConv (stride 1), the phase
   * planes (W2's 4×4 stride 2), the column matrix and its scatter (a 3×3 stride 2).
   */
  @Test
  void backwardDataThatWritesEqualsAddingOntoZeros() {
    Random rng = new Random(8);
    int out = 16;
    ConvGeometry[] geometries = {ConvGeometry.square(16, 14, 14, 5, 1, 2), ConvGeometry.square(16, 14, 14, 4, 2, 1),
        ConvGeometry.square(16, 9, 9, 3, 2, 1)};
    assertTrue(DirectConv.suitsBackwardData(geometries[0], out));
    assertTrue(PhaseCol2im.suits(geometries[1], out) && !DirectConv.suitsBackwardData(geometries[1], out));
    assertTrue(!PhaseCol2im.suits(geometries[2], out) && !DirectConv.suitsBackwardData(geometries[2], out));
    for (ConvGeometry g : geometries) {
      int batch = 3;
      float[] w = Fixtures.uniform(rng, out * g.colRows()), dy = Fixtures.uniform(rng, batch * out * g.colCols());
      for (KernelBackend k : new KernelBackend[] {ScalarBackend.INSTANCE, SimdBackend.INSTANCE}) {
        float[] added = new float[batch * g.imageSize()], written = new float[added.length];
        java.util.Arrays.fill(written, Float.NaN);
        ConvLowering.backwardData(k, g, batch, out, w, 0, dy, 0, added, 0, true);
        ConvLowering.backwardData(k, g, batch, out, w, 0, dy, 0, written, 0, false);
        Fixtures.assertClose(k.name() + " " + g, added, written, 0);
      }
    }
  }

  /**
   * A batch of one packs a large transposed weight with page-long rows instead of reading it in place (the
   * batch-1 ConvTranspose2d): each image alone gives its rows of the batch's result, bit for bit, and agrees
   * with the scalar backend.
   */
  @Test
  void aBatchOfOneGivesItsImageOfTheBatch() {
    Random rng = new Random(9);
    ConvGeometry g = ConvGeometry.square(64, 14, 14, 4, 2, 1);       // Wᵀ is 1024 × 64: rows of a page
    int out = 64, batch = 3, per = g.imageSize(), perDy = out * g.colCols();
    float[] w = Fixtures.uniform(rng, out * g.colRows()), dy = Fixtures.uniform(rng, batch * perDy);
    float[] all = new float[batch * per], scalar = new float[batch * per];
    ConvLowering.backwardData(SimdBackend.INSTANCE, g, batch, out, w, 0, dy, 0, all, 0, false);
    ConvLowering.backwardData(ScalarBackend.INSTANCE, g, batch, out, w, 0, dy, 0, scalar, 0, false);
    Fixtures.assertClose("simd vs scalar", scalar, all, 1e-4);
    for (int i = 0; i < batch; i++) {
      float[] one = new float[per];
      ConvLowering.backwardData(SimdBackend.INSTANCE, g, 1, out, w, 0, java.util.Arrays.copyOfRange(dy, i * perDy,
          (i + 1) * perDy), 0, one, 0, false);
      Fixtures.assertClose("image " + i + " alone", java.util.Arrays.copyOfRange(all, i * per, (i + 1) * per), one, 0);
    }
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    Random rng = new Random(4);
    int out = 24;
    // Stride 2 lowers through im2col; the 5×5 stride-1 layer takes DirectConv in all three passes.
    ConvGeometry direct = ConvGeometry.square(16, 14, 14, 5, 1, 2);
    assertTrue(DirectConv.suits(direct, out) && DirectConv.suitsBackwardData(direct, out));
    for (ConvGeometry g : new ConvGeometry[] {ConvGeometry.square(16, 14, 14, 4, 2, 1), direct}) {
      // batch 1: fewer images than threads (col2im splits channels; DirectConv splits the GEMM)
      for (int batch : new int[] {19, 1}) {
        float[] x = Fixtures.uniform(rng, batch * g.imageSize()), w = Fixtures.uniform(rng, out * g.colRows());
        float[] dy = Fixtures.uniform(rng, batch * out * g.colCols());
        float[][][] results = new float[2][][];
        int saved = Parallel.threads();
        try {
          for (int t = 1; t <= 2; t++) {
            Parallel.setThreads(t);
            float[] y = new float[dy.length], dx = new float[x.length], dw = new float[w.length];
            ConvLowering.forward(SimdBackend.INSTANCE, g, batch, out, x, 0, w, 0, y, 0);
            ConvLowering.backwardData(SimdBackend.INSTANCE, g, batch, out, w, 0, dy, 0, dx, 0);
            ConvLowering.backwardWeight(SimdBackend.INSTANCE, g, batch, out, x, 0, dy, 0, dw, 0);
            results[t - 1] = new float[][] {y, dx, dw};
          }
        } finally {
          Parallel.setThreads(saved);
        }
        for (int i = 0; i < 3; i++) {
          Fixtures.assertClose(g + " batch " + batch + " pass " + i + ", 1 vs 2 threads", results[0][i],
              results[1][i], 0);
        }
      }
    }
  }
}
