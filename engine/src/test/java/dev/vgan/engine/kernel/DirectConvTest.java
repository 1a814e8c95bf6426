package dev.vgan.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.kernel.simd.SimdBackend;
import dev.vgan.engine.testing.Fixtures;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The column-free stride-1 convolution against the im2col lowering it replaces (its independent twin:
 * gather, then an ordinary GEMM): the forward pass sums in the same order and must agree to the bit; the
 * backward-data pass (a flipped-kernel convolution instead of a col2im scatter) and backward-weight (a
 * wide grid with zeros, image by image) to rounding.
 */
class DirectConvTest {
  private static final KernelBackend[] BACKENDS = {ScalarBackend.INSTANCE, SimdBackend.INSTANCE};
  private static final int OUT = 17;
  /**
   * 3×3 "same", a 5×5 with pad 2, the Keras 'same' 2×2 written as pad 1 (an 8×8 output of 7×7), a 3×5
   * kernel with different paddings across and down, and a 1×1 without padding.
   */
  private static final ConvGeometry[] GEOMETRIES = {
      new ConvGeometry(5, 9, 11, 3, 3, 1, 1, 1, 1, 1, 1),
      new ConvGeometry(3, 12, 16, 5, 5, 1, 1, 2, 2, 1, 1),
      new ConvGeometry(4, 7, 7, 2, 2, 1, 1, 1, 1, 1, 1),
      new ConvGeometry(3, 10, 12, 3, 5, 1, 1, 0, 2, 1, 1),
      new ConvGeometry(6, 5, 9, 1, 1, 1, 1, 0, 0, 1, 1),
  };

  /** One accumulating pass, run on a copy of {@code start} for each backend. */
  @FunctionalInterface
  private interface Pass {
    void run(KernelBackend k, float[] out);
  }

  /**
   * Both passes accumulate onto the same start on every backend and agree to rounding: each value sums
   * {@code terms} products of |v| ≤ 1 in another order, so {@code terms · eps · terms} bounds the difference.
   */
  private static void assertSumsMatch(String what, float[] start, int terms, Pass lowering, Pass direct) {
    for (KernelBackend k : BACKENDS) {
      float[] expected = start.clone(), actual = start.clone();
      lowering.run(k, expected);
      direct.run(k, actual);
      Fixtures.assertClose(k.name() + " " + what, expected, actual, (double) terms * terms * Fixtures.FLOAT_EPS);
    }
  }

  @Test
  void forwardEqualsTheIm2colLoweringBitForBit() {
    Random rng = new Random(1);
    for (ConvGeometry g : GEOMETRIES) {
      assertTrue(DirectConv.suits(g, OUT), g + " should take the direct path");
      for (int batch : new int[] {1, 3}) {
        float[] x = Fixtures.uniform(rng, batch * g.imageSize()), w = Fixtures.uniform(rng, OUT * g.colRows());
        float[] start = Fixtures.uniform(rng, batch * OUT * g.colCols());
        for (KernelBackend k : BACKENDS) {
          for (boolean accumulate : new boolean[] {false, true}) {
            float[] expected = start.clone(), actual = start.clone();
            ConvLowering.forward(k, g, batch, OUT, x, 0, w, 0, expected, 0, accumulate, 1);
            DirectConv.forward(k, g, batch, OUT, x, 0, w, 0, actual, 0, accumulate);
            Fixtures.assertClose(k.name() + " " + g + " batch " + batch + (accumulate ? " +=" : ""),
                expected, actual, 0);
          }
        }
      }
    }
  }

  @Test
  void backwardDataMatchesTheCol2imLoweringAndAccumulates() {
    Random rng = new Random(2);
    // Backwards, the input's channels are the output channels: at least 16 of them.
    ConvGeometry[] geometries = {
        new ConvGeometry(16, 9, 11, 3, 3, 1, 1, 1, 1, 1, 1),
        new ConvGeometry(17, 12, 16, 5, 5, 1, 1, 2, 2, 1, 1),
        new ConvGeometry(16, 7, 7, 2, 2, 1, 1, 1, 1, 1, 1),
        new ConvGeometry(16, 10, 12, 3, 5, 1, 1, 0, 2, 1, 1),
    };
    for (ConvGeometry g : geometries) {
      assertTrue(DirectConv.suitsBackwardData(g, OUT), g + " should take the direct path backwards");
      int batch = 2;
      float[] w = Fixtures.uniform(rng, OUT * g.colRows()), dy = Fixtures.uniform(rng, batch * OUT * g.colCols());
      float[] start = Fixtures.uniform(rng, batch * g.imageSize());
      // Each value sums OUT·kh·kw products.
      assertSumsMatch(g.toString(), start, OUT * g.kernelH() * g.kernelW(),
          (k, dx) -> ConvLowering.backwardData(k, g, batch, OUT, w, 0, dy, 0, dx, 0, 1, true),
          (k, dx) -> DirectConv.backwardData(k, g, batch, OUT, w, 0, dy, 0, dx, 0, true));
    }
  }

  @Test
  void backwardWeightMatchesTheIm2colLoweringAndAccumulates() {
    Random rng = new Random(5);
    for (ConvGeometry g : GEOMETRIES) {
      int batch = 3;
      float[] x = Fixtures.uniform(rng, batch * g.imageSize()), dy = Fixtures.uniform(rng, batch * OUT * g.colCols());
      float[] start = Fixtures.uniform(rng, OUT * g.colRows());
      // Each value sums batch·OH·OW products.
      assertSumsMatch(g.toString(), start, batch * g.colCols(),
          (k, dw) -> ConvLowering.backwardWeight(k, g, batch, OUT, x, 0, dy, 0, dw, 0, 1),
          (k, dw) -> DirectConv.backwardWeight(k, g, batch, OUT, x, 0, dy, 0, dw, 0));
    }
  }

  @Test
  void choosesTheDirectPathOnlyWhereItPays() {
    assertTrue(DirectConv.suits(ConvGeometry.square(256, 28, 28, 5, 1, 2), 128), "W4 G conv2");
    assertTrue(DirectConv.suits(ConvGeometry.square(128, 14, 14, 5, 1, 2), 256), "W4 G conv1");
    assertFalse(DirectConv.suits(ConvGeometry.square(64, 14, 14, 4, 2, 1), 128), "stride 2");
    // A stride-2 layer's adjoint geometry (7×7, pad 2) would suit; the layer itself must not.
    assertFalse(DirectConv.suitsBackwardData(ConvGeometry.square(128, 14, 14, 4, 2, 1), 256), "stride 2 backwards");
    assertFalse(DirectConv.suits(ConvGeometry.square(128, 28, 28, 2, 1, 1), 1), "one output channel");
    assertFalse(DirectConv.suits(ConvGeometry.square(8, 3, 3, 3, 1, 1), 32), "3 of every 4 columns kept");
  }

  @Test
  void rowTableGemmMatchesADoubleLoop() {
    Random rng = new Random(4);
    int m = 29, n = 77, k = 41;
    float[] a = Fixtures.uniform(rng, m * k), b = Fixtures.uniform(rng, 3 * k + n);
    int[] rows = new int[k];
    for (int p = 0; p < k; p++) {
      rows[p] = rng.nextInt(2 * k);                   // overlapping rows, in no order
    }
    float[] c0 = Fixtures.uniform(rng, m * n);
    double[] expected = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += (double) a[i * k + p] * b[rows[p] + j];
        }
        expected[i * n + j] = 0.5 * s + 2.0 * c0[i * n + j];
      }
    }
    for (KernelBackend kb : BACKENDS) {
      float[] c = c0.clone();
      kb.sgemmRowTable(m, n, k, 0.5f, a, 0, k, b, rows, 2f, c, 0, n);
      Fixtures.assertClose(kb.name() + " sgemmRowTable", expected, c, 4 * k * Fixtures.FLOAT_EPS,
          4 * k * Fixtures.FLOAT_EPS);
    }
  }

  @Test
  void rowTableAGemmMatchesADoubleLoop() {
    Random rng = new Random(6);
    int m = 31, n = 45, k = 53;
    float[] a = Fixtures.uniform(rng, 3 * m + k), b = Fixtures.uniform(rng, n * k);
    int[] rows = new int[m];
    for (int i = 0; i < m; i++) {
      rows[i] = rng.nextInt(3 * m);                   // overlapping rows, in no order
    }
    float[] c0 = Fixtures.uniform(rng, m * n);
    for (boolean transB : new boolean[] {false, true}) {
      double[] expected = new double[m * n];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int p = 0; p < k; p++) {
            s += (double) a[rows[i] + p] * (transB ? b[j * k + p] : b[p * n + j]);
          }
          expected[i * n + j] = 1.5 * s - c0[i * n + j];
        }
      }
      for (KernelBackend kb : BACKENDS) {
        float[] c = c0.clone();
        kb.sgemmRowTableA(m, n, k, 1.5f, a, rows, transB, b, 0, transB ? k : n, -1f, c, 0, n);
        Fixtures.assertClose(kb.name() + " sgemmRowTableA transB=" + transB, expected, c,
            4 * k * Fixtures.FLOAT_EPS, 4 * k * Fixtures.FLOAT_EPS);
      }
    }
  }

  @Test
  void stridedLayersKeepTheIm2colLoweringInEveryPass() {
    // W4's D conv3: stride 2, whose adjoint geometry alone would pass the direct path's test.
    ConvGeometry g = ConvGeometry.square(24, 14, 14, 3, 2, 1);
    int out = 32, batch = 2;
    Random rng = new Random(8);
    float[] w = Fixtures.uniform(rng, out * g.colRows()), dy = Fixtures.uniform(rng, batch * out * g.colCols());
    float[] viaDispatch = new float[batch * g.imageSize()], viaIm2col = new float[batch * g.imageSize()];
    ConvLowering.backwardData(SimdBackend.INSTANCE, g, batch, out, w, 0, dy, 0, viaDispatch, 0);
    ConvLowering.backwardData(SimdBackend.INSTANCE, g, batch, out, w, 0, dy, 0, viaIm2col, 0, 1, true);
    Fixtures.assertClose("stride-2 backward-data", viaIm2col, viaDispatch, 0);
  }
}
