package dev.vgan.tools.latent;

import dev.vgan.models.api.LatentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * InfoGAN code vectors built by name: categorical codes are {@code cat1}, {@code cat2}, ... (value: the
 * category index), continuous codes {@code cont1}, {@code cont2}, ... (value: any real; the prior is
 * uniform on [-1, 1], and sweeps usually go wider, −2..+2). A code not named takes category 0 or value 0.
 */
public final class Codes {
  private Codes() {}

  /** The names of {@code spec}'s codes, categorical first. */
  public static List<String> names(LatentSpec spec) {
    List<String> names = new ArrayList<>();
    for (int k = 0; k < spec.categorical().length; k++) {
      names.add("cat" + (k + 1));
    }
    for (int k = 0; k < spec.continuous(); k++) {
      names.add("cont" + (k + 1));
    }
    return names;
  }

  /** Whether {@code name} is a categorical code of {@code spec}. */
  public static boolean isCategorical(LatentSpec spec, String name) {
    int k = index(spec, name);
    return k < spec.categorical().length;
  }

  /** The code vector (codeDim) with {@code values} set and every other code at category 0 or value 0. */
  public static float[] vector(LatentSpec spec, Map<String, Double> values) {
    int[] sizes = spec.categorical();
    float[] c = new float[spec.codeDim()];
    int[] category = new int[sizes.length];
    for (Map.Entry<String, Double> e : values.entrySet()) {
      int k = index(spec, e.getKey());
      double v = e.getValue();
      if (k < sizes.length) {
        if (v != Math.rint(v) || v < 0 || v >= sizes[k]) {
          throw new IllegalArgumentException("code " + e.getKey() + ": a category in 0.." + (sizes[k] - 1) + ", got " + v);
        }
        category[k] = (int) v;
      } else {
        c[spec.codeDim() - spec.continuous() + (k - sizes.length)] = (float) v;
      }
    }
    int off = 0;
    for (int k = 0; k < sizes.length; k++) {
      c[off + category[k]] = 1f;
      off += sizes[k];
    }
    return c;
  }

  /** The values {@code name} takes in a sweep: every category, or {@code steps} values from..to. */
  public static double[] sweepValues(LatentSpec spec, String name, double from, double to, int steps) {
    int k = index(spec, name);
    if (k < spec.categorical().length) {
      double[] v = new double[spec.categorical()[k]];
      for (int i = 0; i < v.length; i++) {
        v[i] = i;
      }
      return v;
    }
    if (steps < 2) {
      throw new IllegalArgumentException("a sweep needs at least 2 steps, got " + steps);
    }
    double[] v = new double[steps];
    for (int i = 0; i < steps; i++) {
      v[i] = from + (to - from) * i / (steps - 1);
    }
    return v;
  }

  private static int index(LatentSpec spec, String name) {
    List<String> names = names(spec);
    int k = names.indexOf(name);
    if (k < 0) {
      throw new IllegalArgumentException("no code named '" + name + "'; this model's codes: "
          + (names.isEmpty() ? "none" : String.join(", ", names)));
    }
    return k;
  }
}
