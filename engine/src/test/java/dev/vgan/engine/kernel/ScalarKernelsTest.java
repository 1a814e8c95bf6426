package dev.vgan.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgan.engine.testing.Fixtures;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The scalar reference kernels against independent double-precision formulas and finite differences. */
class ScalarKernelsTest {
  private static final KernelBackend K = ScalarBackend.INSTANCE;
  private static final int N = 257;

  /** Forward against the double formula; backward against a central finite difference of it. */
  private static void checkActivation(String name, DoubleUnaryOperator f, boolean backwardTakesOutput,
      Forward forward, Backward backward) {
    Random rng = new Random(name.hashCode());
    float[] x = Fixtures.uniform(rng, N, -4f, 4f);
    for (int i = 0; i < N; i++) {
      if (Math.abs(x[i]) < 1e-2f) {
        x[i] = 0.5f; // keep finite differences away from the kinks at 0
      }
    }
    float[] y = new float[N];
    forward.run(x, y);
    double[] expectedY = new double[N];
    for (int i = 0; i < N; i++) {
      expectedY[i] = f.applyAsDouble(x[i]);
    }
    Fixtures.assertClose(name, expectedY, y, 2 * Fixtures.FLOAT_EPS, 1e-7);

    float[] dy = Fixtures.uniform(rng, N);
    float[] dx = Fixtures.uniform(rng, N);
    float[] dx0 = dx.clone();
    backward.run(backwardTakesOutput ? y : x, dy, dx);
    double[] expectedDx = new double[N];
    double h = 1e-6;
    for (int i = 0; i < N; i++) {
      double slope = (f.applyAsDouble(x[i] + h) - f.applyAsDouble(x[i] - h)) / (2 * h);
      expectedDx[i] = dx0[i] + dy[i] * slope;
    }
    Fixtures.assertClose(name + " backward", expectedDx, dx, 1e-5, 1e-6);
  }

  @FunctionalInterface
  interface Forward {
    void run(float[] x, float[] y);
  }

  @FunctionalInterface
  interface Backward {
    void run(float[] xOrY, float[] dy, float[] dx);
  }

  @Test
  void activationsMatchDoubleFormulasAndFiniteDifferences() {
    checkActivation("relu", v -> Math.max(v, 0), false,
        (x, y) -> K.relu(x, 0, y, 0, N), (x, dy, dx) -> K.reluBackward(x, 0, dy, 0, dx, 0, N));
    checkActivation("leakyRelu", v -> v > 0 ? v : 0.2 * v, false,
        (x, y) -> K.leakyRelu(0.2f, x, 0, y, 0, N), (x, dy, dx) -> K.leakyReluBackward(0.2f, x, 0, dy, 0, dx, 0, N));
    checkActivation("tanh", Math::tanh, true,
        (x, y) -> K.tanh(x, 0, y, 0, N), (y, dy, dx) -> K.tanhBackward(y, 0, dy, 0, dx, 0, N));
    checkActivation("sigmoid", v -> 1 / (1 + Math.exp(-v)), true,
        (x, y) -> K.sigmoid(x, 0, y, 0, N), (y, dy, dx) -> K.sigmoidBackward(y, 0, dy, 0, dx, 0, N));
  }

  @Test
  void arithmeticMatchesDoubleFormulas() {
    Random rng = new Random(3);
    float[] a = Fixtures.uniform(rng, N), b = Fixtures.uniform(rng, N), y = Fixtures.uniform(rng, N);
    double[] sum = new double[N], prod = new double[N], axpy = new double[N], scaled = new double[N];
    double[] mulAdd = new double[N];
    for (int i = 0; i < N; i++) {
      sum[i] = (double) a[i] + b[i];
      prod[i] = (double) a[i] * b[i];
      axpy[i] = y[i] + 0.3 * a[i];
      scaled[i] = -2.5 * a[i];
      mulAdd[i] = y[i] + (double) a[i] * b[i];
    }
    float[] acc = y.clone();
    K.mulAdd(a, 0, b, 0, acc, 0, N);
    Fixtures.assertClose("mulAdd", mulAdd, acc, 2 * Fixtures.FLOAT_EPS, 1e-7);
    float[] out = new float[N];
    K.add(a, 0, b, 0, out, 0, N);
    Fixtures.assertClose("add", sum, out, Fixtures.FLOAT_EPS, 0);
    K.mul(a, 0, b, 0, out, 0, N);
    Fixtures.assertClose("mul", prod, out, Fixtures.FLOAT_EPS, 0);
    K.axpy(0.3f, a, 0, y, 0, N);
    Fixtures.assertClose("axpy", axpy, y, 2 * Fixtures.FLOAT_EPS, 1e-7);
    K.scale(-2.5f, a, 0, out, 0, N);
    Fixtures.assertClose("scale", scaled, out, Fixtures.FLOAT_EPS, 0);
  }

  @Test
  void reductionsMatchDoubleSums() {
    int batch = 2, channels = 3, spatial = 49;
    float[] x = Fixtures.uniform(new Random(4), batch * channels * spatial);
    double total = 0;
    double[] sums = new double[channels];
    for (int b = 0; b < batch; b++) {
      for (int c = 0; c < channels; c++) {
        for (int s = 0; s < spatial; s++) {
          double v = x[(b * channels + c) * spatial + s];
          sums[c] += v;
          total += v;
        }
      }
    }
    double tol = x.length * x.length * Fixtures.FLOAT_EPS;
    assertEquals(total, K.sum(x, 0, x.length), tol);
    float[] got = new float[channels];
    K.channelSums(x, 0, batch, channels, spatial, got);
    Fixtures.assertClose("channelSums", sums, got, 0, tol);
    float[] center = {0.5f, -0.5f, 0f};
    double[] squares = new double[channels];
    for (int b = 0; b < batch; b++) {
      for (int c = 0; c < channels; c++) {
        for (int s = 0; s < spatial; s++) {
          double d = x[(b * channels + c) * spatial + s] - (double) center[c];
          squares[c] += d * d;
        }
      }
    }
    K.channelSumSquares(x, 0, batch, channels, spatial, center, got);
    Fixtures.assertClose("channelSumSquares", squares, got, 0, 4 * tol);
    float[] g = Fixtures.uniform(new Random(5), x.length);
    double[] dots = new double[channels];
    for (int b = 0; b < batch; b++) {
      for (int c = 0; c < channels; c++) {
        for (int s = 0; s < spatial; s++) {
          int i = (b * channels + c) * spatial + s;
          dots[c] += g[i] * (x[i] - (double) center[c]);
        }
      }
    }
    K.channelDotCentered(g, 0, x, 0, batch, channels, spatial, center, got);
    Fixtures.assertClose("channelDotCentered", dots, got, 0, 4 * tol);
    assertEquals(0.9f, K.max(new float[] {0.1f, 0.9f, -3f}, 0, 3));
  }

  @Test
  void softmaxRowsMatchDoubleFormula() {
    int rows = 4, cols = 13;
    float[] x = Fixtures.uniform(new Random(5), rows * cols, -20f, 20f);
    double[] soft = new double[x.length], logSoft = new double[x.length];
    for (int r = 0; r < rows; r++) {
      double max = Double.NEGATIVE_INFINITY, z = 0;
      for (int c = 0; c < cols; c++) {
        max = Math.max(max, x[r * cols + c]);
      }
      for (int c = 0; c < cols; c++) {
        z += Math.exp(x[r * cols + c] - max);
      }
      for (int c = 0; c < cols; c++) {
        soft[r * cols + c] = Math.exp(x[r * cols + c] - max) / z;
        logSoft[r * cols + c] = x[r * cols + c] - max - Math.log(z);
      }
    }
    float[] y = x.clone(); // in place: y aliases x
    K.softmaxRows(y, 0, y, 0, rows, cols);
    Fixtures.assertClose("softmax", soft, y, 8 * cols * Fixtures.FLOAT_EPS, 1e-12);
    y = x.clone();
    K.logSoftmaxRows(y, 0, y, 0, rows, cols);
    Fixtures.assertClose("logSoftmax", logSoft, y, 8 * cols * Fixtures.FLOAT_EPS, 1e-5);
  }

  @Test
  void adamFollowsPyTorchFormulaOverSeveralSteps() {
    // An independent double-precision transcription of torch.optim.Adam's single-tensor step.
    float lr = 1e-3f, b1 = 0.9f, b2 = 0.999f, eps = 1e-8f, wd = 0.01f;
    int n = 37;
    Random rng = new Random(6);
    float[] p = Fixtures.uniform(rng, n), m = new float[n], v = new float[n];
    double[] pd = new double[n], md = new double[n], vd = new double[n];
    for (int i = 0; i < n; i++) {
      pd[i] = p[i];
    }
    for (int t = 1; t <= 5; t++) {
      float[] g = Fixtures.uniform(rng, n);
      K.adamUpdate(AdamCoefficients.forStep(lr, b1, b2, eps, wd, false, t), g, p, m, v, 0, n);
      for (int i = 0; i < n; i++) {
        double gi = g[i] + (double) wd * pd[i];
        md[i] = b1 * md[i] + (1 - (double) b1) * gi;
        vd[i] = b2 * vd[i] + (1 - (double) b2) * gi * gi;
        double denom = Math.sqrt(vd[i]) / Math.sqrt(1 - Math.pow(b2, t)) + eps;
        pd[i] -= lr / (1 - Math.pow(b1, t)) * md[i] / denom;
      }
    }
    Fixtures.assertClose("adam params", pd, p, 1e-5, 1e-6);
    Fixtures.assertClose("adam m", md, m, 1e-5, 1e-7);
  }

  @Test
  void upsampleRepeatsPixelsAndBackwardIsItsAdjoint() {
    int planes = 2, h = 3, w = 5, f = 2;
    float[] x = Fixtures.uniform(new Random(7), planes * h * w);
    float[] y = new float[planes * h * f * w * f];
    K.upsampleNearest(x, 0, planes, h, w, f, y, 0);
    for (int p = 0; p < planes; p++) {
      for (int i = 0; i < h * f; i++) {
        for (int j = 0; j < w * f; j++) {
          assertEquals(x[(p * h + i / f) * w + j / f], y[(p * h * f + i) * w * f + j]);
        }
      }
    }
    float[] dy = Fixtures.uniform(new Random(8), y.length);
    float[] dx = new float[x.length];
    K.upsampleNearestBackward(dy, 0, planes, h, w, f, dx, 0);
    assertEquals(dot(y, dy), dot(x, dx), 1e-5, "<up(x), dy> = <x, up*(dy)>");
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
