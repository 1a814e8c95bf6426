package dev.vgan.tools.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The α values of a sweep, −range..+range (or lo..hi) in {@code steps} equal steps, and their captions. */
final class Alphas {
  private Alphas() {}

  static double[] of(double range, int steps) {
    if (!(range > 0)) {
      throw new IllegalArgumentException("a sweep needs --range > 0");
    }
    return between(-range, range, steps);
  }

  /** {@code steps} equally spaced values from {@code lo} to {@code hi}, both included. */
  static double[] between(double lo, double hi, int steps) {
    if (steps < 2) {
      throw new IllegalArgumentException("a sweep needs --steps >= 2");
    }
    double[] a = new double[steps];
    for (int i = 0; i < steps; i++) {
      a[i] = lo + (hi - lo) * i / (steps - 1);
    }
    return a;
  }

  /** "α +1.5"-style captions, with two decimals when one would round a value away. */
  static List<String> captions(double[] values, String prefix) {
    boolean tenths = true;
    for (double v : values) {
      tenths &= Math.abs(v * 10 - Math.rint(v * 10)) < 1e-9;
    }
    List<String> out = new ArrayList<>();
    for (double v : values) {
      out.add(prefix + String.format(Locale.ROOT, tenths ? "%+.1f" : "%+.2f", v));
    }
    return out;
  }
}
