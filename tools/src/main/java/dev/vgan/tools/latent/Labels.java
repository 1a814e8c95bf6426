package dev.vgan.tools.latent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Label vectors for conditional models: a class as a one-hot vector, or a mixture of classes — any
 * non-negative weights summing to 1 — which the generator takes like any label and renders as a blend.
 */
public final class Labels {
  private static final double SUM_TOLERANCE = 1e-4;

  private Labels() {}

  /** The one-hot vector of class {@code k} out of {@code classes}. */
  public static float[] oneHot(int k, int classes) {
    return mixture(Map.of(k, 1.0), classes);
  }

  /** The vector with weight {@code w} at each class {@code k} of {@code weights}; the weights must sum to 1. */
  public static float[] mixture(Map<Integer, Double> weights, int classes) {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("label: no classes given");
    }
    float[] y = new float[classes];
    double sum = 0;
    for (Map.Entry<Integer, Double> e : weights.entrySet()) {
      int k = e.getKey();
      double w = e.getValue();
      if (k < 0 || k >= classes) {
        throw new IllegalArgumentException("label: class " + k + " is not in 0.." + (classes - 1));
      }
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("label: the weight of class " + k + " must be >= 0, got " + w);
      }
      y[k] += (float) w;
      sum += w;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException("label: mixture weights must sum to 1, got " + sum + " for " + weights);
    }
    return y;
  }

  /**
   * Parses a label as given on a command line: {@code 3} (one class), or a mixture such as {@code 3:0.5,8:0.5}
   * or {@code {3: 0.5, 8: 0.5}}.
   */
  public static float[] parse(String text, int classes) {
    String s = text.strip();
    if (s.startsWith("{") && s.endsWith("}")) {
      s = s.substring(1, s.length() - 1);
    }
    Map<Integer, Double> weights = new LinkedHashMap<>();
    try {
      if (!s.contains(":")) {
        return oneHot(Integer.parseInt(s.strip()), classes);
      }
      for (String part : s.split(",")) {
        String[] kv = part.split(":");
        if (kv.length != 2) {
          throw new IllegalArgumentException("label: expected CLASS:WEIGHT, got '" + part.strip() + "' in '" + text + "'");
        }
        weights.merge(Integer.parseInt(kv[0].strip()), Double.parseDouble(kv[1].strip()), Double::sum);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("label: '" + text + "' is neither a class like 3 nor a mixture like 3:0.5,8:0.5");
    }
    return mixture(weights, classes);
  }

  /** A short readable form: {@code 3}, or {@code 3:0.5+8:0.5} for a mixture. */
  public static String describe(float[] label) {
    if (label == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < label.length; k++) {
      if (label[k] == 1f) {
        return Integer.toString(k);
      }
      if (label[k] != 0f) {
        b.append(b.isEmpty() ? "" : "+").append(k).append(':').append(Math.round(label[k] * 1000) / 1000.0);
      }
    }
    return b.toString();
  }
}
