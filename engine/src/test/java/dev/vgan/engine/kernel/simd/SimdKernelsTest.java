package dev.vgan.engine.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vgan.engine.kernel.AdamCoefficients;
import dev.vgan.engine.kernel.KernelBackend;
import dev.vgan.engine.kernel.ScalarBackend;
import dev.vgan.engine.testing.Fixtures;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * Every SIMD kernel against its scalar twin at odd sizes (tails of every length) and nonzero offsets.
 * Surefire runs this class again at 256 and 128 bits (-XX:MaxVectorSize), which the first test checks, and
 * with each SGEMM register tile, which the second checks.
 */
class SimdKernelsTest {
  private static final KernelBackend SCALAR = ScalarBackend.INSTANCE;
  private static final KernelBackend SIMD = SimdBackend.INSTANCE;
  private static final int OFF = 3;

  /** One kernel call on three arrays (two inputs and one output, which may be accumulated into). */
  @FunctionalInterface
  interface Call {
    void run(KernelBackend k, float[] x, float[] y, float[] out, int n);
  }

  @Test
  void runsAtTheVectorWidthThisJvmWasGiven() {
    int expected = Integer.getInteger("expected.vectorBits", FloatVector.SPECIES_PREFERRED.vectorBitSize());
    assertEquals(expected, SimdBackend.vectorBits());
    assertEquals("simd-" + expected, SIMD.name());
  }

  /**
   * The 256- and 128-bit runs say which SGEMM register tile they must exercise (5 and 12 rows); the default
   * run names none, and skips this rather than compare MR with itself.
   */
  @Test
  void usesTheRegisterTileThisRunAskedFor() {
    Integer expected = Integer.getInteger("expected.tileRows");
    assumeTrue(expected != null, "this run names no expected tile");
    assertEquals(expected, SimdMicroKernel.MR);
  }

  /** Runs {@code call} on both backends over every odd size and compares the outputs. */
  private static void check(String name, float lo, float hi, double relTol, double absTol, Call call) {
    for (int n : Fixtures.ODD_SIZES) {
      Random rng = new Random(n * 1009L + name.hashCode());
      float[] x = Fixtures.uniform(rng, n + 2 * OFF, lo, hi);
      float[] y = Fixtures.uniform(rng, n + 2 * OFF, lo, hi);
      float[] outScalar = Fixtures.uniform(rng, n + 2 * OFF);
      float[] outSimd = outScalar.clone();
      call.run(SCALAR, x, y, outScalar, n);
      call.run(SIMD, x, y, outSimd, n);
      for (int i = 0; i < outScalar.length; i++) {
        double tol = absTol + relTol * Math.abs(outScalar[i]);
        if (!(Math.abs(outScalar[i] - outSimd[i]) <= tol) && Float.compare(outScalar[i], outSimd[i]) != 0) {
          throw new AssertionError(name + " n=" + n + " element " + i + ": simd " + outSimd[i] + " scalar "
              + outScalar[i]);
        }
      }
    }
  }

  private static void checkExact(String name, Call call) {
    check(name, -3f, 3f, 0, 0, call);
  }

  @Test
  void activationsMatchScalarTwin() {
    checkExact("relu", (k, x, y, out, n) -> k.relu(x, OFF, out, OFF, n));
    checkExact("reluBackward", (k, x, y, out, n) -> k.reluBackward(x, OFF, y, OFF, out, OFF, n));
    checkExact("leakyRelu", (k, x, y, out, n) -> k.leakyRelu(0.2f, x, OFF, out, OFF, n));
    checkExact("leakyReluBackward", (k, x, y, out, n) -> k.leakyReluBackward(0.2f, x, OFF, y, OFF, out, OFF, n));
    checkExact("tanhBackward", (k, x, y, out, n) -> k.tanhBackward(x, OFF, y, OFF, out, OFF, n));
    checkExact("sigmoidBackward", (k, x, y, out, n) -> k.sigmoidBackward(x, OFF, y, OFF, out, OFF, n));
    // Transcendentals: the same operations lane by lane as ScalarMath, so bit for bit.
    check("tanh", -12f, 12f, 0, 0, (k, x, y, out, n) -> k.tanh(x, OFF, out, OFF, n));
    check("sigmoid", -100f, 100f, 0, 0, (k, x, y, out, n) -> k.sigmoid(x, OFF, out, OFF, n));
    float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 1e-30f, -1e-30f,
        0.625f, -0.625f, 0.6249999f, 88f, 89f, -87.4f, -200f, 9f, -9f, 1e-3f, -44f, 45f, 3f, -3f, 0.5f, 2f, -2f,
        Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 30f, -30f, 10f, -10f, 7f};
    for (int n : new int[] {special.length, 16, 8, 4}) {
      float[] a = new float[n], b = new float[n];
      for (boolean tanh : new boolean[] {true, false}) {
        if (tanh) {
          SCALAR.tanh(special, 0, a, 0, n);
          SIMD.tanh(special, 0, b, 0, n);
        } else {
          SCALAR.sigmoid(special, 0, a, 0, n);
          SIMD.sigmoid(special, 0, b, 0, n);
        }
        for (int i = 0; i < n; i++) {
          assertEquals(Float.floatToIntBits(a[i]), Float.floatToIntBits(b[i]),
              (tanh ? "tanh(" : "sigmoid(") + special[i] + "): scalar " + a[i] + ", simd " + b[i]);
        }
      }
    }
  }

  @Test
  void arithmeticMatchesScalarTwin() {
    checkExact("add", (k, x, y, out, n) -> k.add(x, OFF, y, OFF, out, OFF, n));
    checkExact("mul", (k, x, y, out, n) -> k.mul(x, OFF, y, OFF, out, OFF, n));
    checkExact("mulAdd", (k, x, y, out, n) -> k.mulAdd(x, OFF, y, OFF, out, OFF, n));
    checkExact("axpy", (k, x, y, out, n) -> k.axpy(-0.75f, x, OFF, out, OFF, n));
    checkExact("scale", (k, x, y, out, n) -> k.scale(1.5f, x, OFF, out, OFF, n));
  }

  @Test
  void reductionsMatchScalarTwinWithinALengthScaledTolerance() {
    // Summation order differs (lanes, then a horizontal add), so the bound grows with n.
    for (int n : Fixtures.ODD_SIZES) {
      float[] x = Fixtures.uniform(new Random(n), n + OFF);
      double tol = 2 * n * Fixtures.FLOAT_EPS * n;
      assertEquals(SCALAR.sum(x, OFF, n), SIMD.sum(x, OFF, n), tol, "sum n=" + n);
      assertEquals(SCALAR.max(x, OFF, n), SIMD.max(x, OFF, n), 0.0, "max n=" + n);
    }
    assertEquals(Float.NEGATIVE_INFINITY, SIMD.max(new float[0], 0, 0));
    float[] withNaN = Fixtures.uniform(new Random(1), 40);
    withNaN[37] = Float.NaN;
    assertEquals(Float.NaN, SIMD.max(withNaN, 0, 40));
  }

  @Test
  void channelSumsMatchScalarTwin() {
    int batch = 3, channels = 5;
    for (int spatial : new int[] {1, 7, 49, 196}) {
      float[] x = Fixtures.uniform(new Random(spatial), batch * channels * spatial + OFF);
      float[] sumsScalar = new float[channels], sumsSimd = new float[channels];
      SCALAR.channelSums(x, OFF, batch, channels, spatial, sumsScalar);
      SIMD.channelSums(x, OFF, batch, channels, spatial, sumsSimd);
      double tol = 4 * batch * spatial * Fixtures.FLOAT_EPS * batch * spatial;
      Fixtures.assertClose("channelSums spatial=" + spatial, sumsScalar, sumsSimd, tol);
      float[] center = {0.1f, -0.2f, 0f, 0.3f, 1f};
      float[] sqScalar = new float[channels], sqSimd = new float[channels];
      SCALAR.channelSumSquares(x, OFF, batch, channels, spatial, center, sqScalar);
      SIMD.channelSumSquares(x, OFF, batch, channels, spatial, center, sqSimd);
      Fixtures.assertClose("channelSumSquares spatial=" + spatial, sqScalar, sqSimd, 4 * tol);
      float[] g = Fixtures.uniform(new Random(-spatial), x.length);
      float[] dotScalar = new float[channels], dotSimd = new float[channels];
      SCALAR.channelDotCentered(g, OFF, x, OFF, batch, channels, spatial, center, dotScalar);
      SIMD.channelDotCentered(g, OFF, x, OFF, batch, channels, spatial, center, dotSimd);
      Fixtures.assertClose("channelDotCentered spatial=" + spatial, dotScalar, dotSimd, 4 * tol);
    }
  }

  @Test
  void channelReductionsDoNotDependOnTheThreadCount() {
    int batch = 4, channels = 301;
    for (int spatial : new int[] {1, 49}) {
      float[] x = Fixtures.uniform(new Random(spatial), batch * channels * spatial);
      float[] g = Fixtures.uniform(new Random(spatial + 1), x.length);
      float[] center = Fixtures.uniform(new Random(2), channels);
      float[][] one = new float[3][channels], two = new float[3][channels];
      int saved = dev.vgan.engine.kernel.Parallel.threads();
      try {
        for (float[][] r : new float[][][] {one, two}) {
          dev.vgan.engine.kernel.Parallel.setThreads(r == one ? 1 : 2);
          SIMD.channelSums(x, 0, batch, channels, spatial, r[0]);
          SIMD.channelSumSquares(x, 0, batch, channels, spatial, center, r[1]);
          SIMD.channelDotCentered(g, 0, x, 0, batch, channels, spatial, center, r[2]);
        }
      } finally {
        dev.vgan.engine.kernel.Parallel.setThreads(saved);
      }
      for (int i = 0; i < 3; i++) {
        Fixtures.assertClose("reduction " + i + " spatial=" + spatial, one[i], two[i], 0);
      }
    }
  }

  @Test
  void softmaxMatchesScalarTwin() {
    for (int cols : Fixtures.ODD_SIZES) {
      int rows = 3;
      float[] x = Fixtures.uniform(new Random(cols), rows * cols + OFF, -8f, 8f);
      float[] ys = new float[x.length], yv = new float[x.length];
      SCALAR.softmaxRows(x, OFF, ys, OFF, rows, cols);
      SIMD.softmaxRows(x, OFF, yv, OFF, rows, cols);
      Fixtures.assertClose("softmax cols=" + cols, ys, yv, 8 * cols * Fixtures.FLOAT_EPS);
      SCALAR.logSoftmaxRows(x, OFF, ys, OFF, rows, cols);
      SIMD.logSoftmaxRows(x, OFF, yv, OFF, rows, cols);
      Fixtures.assertClose("logSoftmax cols=" + cols, ys, yv, 16 * cols * Fixtures.FLOAT_EPS * 8);
    }
  }

  @Test
  void adamMatchesScalarTwinBitForBit() {
    for (boolean decoupled : new boolean[] {false, true}) {
      for (float wd : new float[] {0f, 0.01f}) {
        AdamCoefficients k = AdamCoefficients.forStep(2e-4f, 0.5f, 0.999f, 1e-8f, wd, decoupled, 3);
        for (int n : Fixtures.ODD_SIZES) {
          Random rng = new Random(n);
          float[] g = Fixtures.uniform(rng, n + OFF);
          float[] p1 = Fixtures.uniform(rng, n + OFF), m1 = Fixtures.uniform(rng, n + OFF);
          float[] v1 = Fixtures.uniform(rng, n + OFF, 0f, 1f);
          float[] p2 = p1.clone(), m2 = m1.clone(), v2 = v1.clone();
          SCALAR.adamUpdate(k, g, p1, m1, v1, OFF, n);
          SIMD.adamUpdate(k, g, p2, m2, v2, OFF, n);
          String what = "adam n=" + n + " wd=" + wd + " decoupled=" + decoupled;
          Fixtures.assertClose(what + " param", p1, p2, 0);
          Fixtures.assertClose(what + " m", m1, m2, 0);
          Fixtures.assertClose(what + " v", v1, v2, 0);
        }
      }
    }
  }
}
