package dev.vgan.engine.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A runtime self-check of a backend against the scalar reference on random data, and a quick GEMM
 * throughput measurement. Used by {@code vgan demo}; also handy in a library user's smoke test.
 */
public final class SelfCheck {
  /** One kernel's comparison: the largest difference from the reference and the tolerance allowed. */
  public record Check(String kernel, double maxDiff, double tolerance) {
    /** Whether the kernel agreed with the reference. */
    public boolean ok() {
      return maxDiff <= tolerance;
    }
  }

  /** A GEMM throughput figure: the median of several timed runs. */
  public record Throughput(int n, int threads, double gflops, int runs) {}

  private static final double U = Math.ulp(1f) / 2;

  private SelfCheck() {}

  /** Compares {@code backend} with the scalar reference kernel by kernel. */
  public static List<Check> compare(KernelBackend backend, long seed) {
    KernelBackend ref = ScalarBackend.INSTANCE;
    Random rng = new Random(seed);
    List<Check> out = new ArrayList<>();
    int m = 67, n = 45, k = 129;
    for (int t = 0; t < 4; t++) {
      boolean ta = t >= 2, tb = t % 2 == 1;
      float[] a = random(rng, m * k), b = random(rng, k * n), c1 = random(rng, m * n), c2 = c1.clone();
      ref.sgemm(ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0.5f, c1, 0, n);
      backend.sgemm(ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0.5f, c2, 0, n);
      out.add(new Check("sgemm" + (ta ? "T" : "N") + (tb ? "T" : "N"), diff(c1, c2), 4 * (k + 2) * U * (k + 1)));
    }
    int len = 1021;
    float[] x = random(rng, len), y = random(rng, len);
    out.add(unary("relu", x, (kb, in, o) -> kb.relu(in, 0, o, 0, len), backend, 0));
    out.add(unary("leakyRelu", x, (kb, in, o) -> kb.leakyRelu(0.2f, in, 0, o, 0, len), backend, 0));
    out.add(unary("tanh", x, (kb, in, o) -> kb.tanh(in, 0, o, 0, len), backend, 0));
    out.add(unary("sigmoid", x, (kb, in, o) -> kb.sigmoid(in, 0, o, 0, len), backend, 0));
    out.add(unary("mulAdd", x, (kb, in, o) -> kb.mulAdd(in, 0, y, 0, o, 0, len), backend, 0));
    out.add(unary("add", x, (kb, in, o) -> kb.add(in, 0, y, 0, o, 0, len), backend, 0));
    out.add(unary("axpy", x, (kb, in, o) -> kb.axpy(0.3f, in, 0, o, 0, len), backend, 0));
    out.add(unary("softmax", x, (kb, in, o) -> kb.softmaxRows(in, 0, o, 0, 1, len), backend, 16 * len * U));
    out.add(new Check("sum", Math.abs(ref.sum(x, 0, len) - backend.sum(x, 0, len)), 2.0 * len * len * U));
    float[] center = random(rng, 3), d1 = new float[3], d2 = new float[3];
    ref.channelDotCentered(x, 0, y, 0, 1, 3, 340, center, d1);       // 3 channels of 340 values
    backend.channelDotCentered(x, 0, y, 0, 1, 3, 340, center, d2);
    out.add(new Check("channelDot", diff(d1, d2), 4.0 * 340 * 340 * U));
    AdamCoefficients adam = AdamCoefficients.forStep(2e-4f, 0.5f, 0.999f, 1e-8f, 0f, false, 1);
    out.add(unary("adam", x, (kb, in, o) -> kb.adamUpdate(adam, y, o, in.clone(), new float[len], 0, len), backend, 0));
    return out;
  }

  /**
   * Measures {@code backend}'s square SGEMM at size {@code n}: warms up (the JIT needs a few calls), then
   * returns the median of {@code runs} timed calls.
   */
  public static Throughput measureGemm(KernelBackend backend, int n, int threads, int runs) {
    int saved = Parallel.threads();
    Parallel.setThreads(threads);
    try {
      Random rng = new Random(1);
      float[] a = random(rng, n * n), b = random(rng, n * n), c = new float[n * n];
      double[] gflops = new double[runs];
      for (int i = 0; i < 5; i++) {
        backend.sgemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
      }
      for (int r = 0; r < runs; r++) {
        long t0 = System.nanoTime();
        backend.sgemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
        gflops[r] = 2.0 * n * n * n / (System.nanoTime() - t0);
      }
      Arrays.sort(gflops);
      return new Throughput(n, threads, gflops[runs / 2], runs);
    } finally {
      Parallel.setThreads(saved);
    }
  }

  @FunctionalInterface
  private interface Kernel {
    void run(KernelBackend k, float[] in, float[] out);
  }

  private static Check unary(String name, float[] x, Kernel kernel, KernelBackend backend, double relTol) {
    float[] o1 = random(new Random(name.hashCode()), x.length), o2 = o1.clone();
    kernel.run(ScalarBackend.INSTANCE, x, o1);
    kernel.run(backend, x, o2);
    return new Check(name, diff(o1, o2), relTol * Math.max(1, maxAbs(o1)));
  }

  private static float[] random(Random rng, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextFloat() * 2 - 1;
    }
    return v;
  }

  private static double diff(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs((double) a[i] - b[i]));
    }
    return d;
  }

  private static double maxAbs(float[] a) {
    double m = 0;
    for (float v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
