package dev.vgan.bench;

/** Answer checks run in a benchmark's {@code @Setup}: a wrong kernel is never timed. */
final class Check {
  private Check() {}

  /**
   * Throws unless {@code actual} is within {@code tol · (1 + max|expected|)} of {@code expected},
   * elementwise over {@code n} values from the given offsets.
   */
  static void close(String what, float[] expected, int eOff, float[] actual, int aOff, int n, double tol) {
    double scale = 1;
    for (int i = 0; i < n; i++) {
      scale = Math.max(scale, Math.abs(expected[eOff + i]));
    }
    for (int i = 0; i < n; i++) {
      double d = Math.abs((double) expected[eOff + i] - actual[aOff + i]);
      if (!(d <= tol * scale)) {
        throw new IllegalStateException(what + ": element " + i + " is " + actual[aOff + i] + ", the scalar "
            + "reference says " + expected[eOff + i] + "; refusing to time a wrong kernel");
      }
    }
  }

  /** {@code n} floats in [-1, 1) from a fixed seed. */
  static float[] random(long seed, int n) {
    java.util.Random rng = new java.util.Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextFloat() * 2 - 1;
    }
    return v;
  }
}
