package dev.vgan.engine.testing;

import java.util.Random;

/** Seeded random inputs and error bounds for kernel tests. */
public final class Fixtures {
  /** Unit roundoff of float32. */
  public static final double FLOAT_EPS = Math.ulp(1f) / 2;

  /** Sizes that exercise tails: under one vector at every width, odd, and just past powers of two. */
  public static final int[] ODD_SIZES = {1, 3, 7, 13, 17, 31, 65, 207, 257};

  private Fixtures() {}

  /** {@code n} floats uniform in [-1, 1). */
  public static float[] uniform(Random rng, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextFloat() * 2f - 1f;
    }
    return x;
  }

  /** {@code n} floats uniform in [lo, hi). */
  public static float[] uniform(Random rng, int n, float lo, float hi) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = lo + rng.nextFloat() * (hi - lo);
    }
    return x;
  }

  /**
   * Asserts {@code |actual[i] − expected[i]| ≤ absTol + relTol · |expected[i]|} for every element,
   * naming the first bad index.
   */
  public static void assertClose(String what, double[] expected, float[] actual, double relTol, double absTol) {
    if (expected.length != actual.length) {
      throw new AssertionError(what + ": length " + actual.length + " != " + expected.length);
    }
    for (int i = 0; i < expected.length; i++) {
      double tol = absTol + relTol * Math.abs(expected[i]);
      if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
        throw new AssertionError(what + ": element " + i + " is " + actual[i] + ", expected " + expected[i]
            + " ± " + tol);
      }
    }
  }

  /** Asserts two float arrays are within {@code tol} element-wise, naming the first bad index. */
  public static void assertClose(String what, float[] expected, float[] actual, double tol) {
    if (expected.length != actual.length) {
      throw new AssertionError(what + ": length " + actual.length + " != " + expected.length);
    }
    for (int i = 0; i < expected.length; i++) {
      boolean same = Float.compare(expected[i], actual[i]) == 0;
      if (!same && !(Math.abs(actual[i] - expected[i]) <= tol)) {
        throw new AssertionError(what + ": element " + i + " is " + actual[i] + ", expected " + expected[i]
            + " ± " + tol);
      }
    }
  }
}
