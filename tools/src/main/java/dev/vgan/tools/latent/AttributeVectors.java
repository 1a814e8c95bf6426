package dev.vgan.tools.latent;

import dev.vgan.engine.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Attribute vectors: the mean z of one set of samples minus the mean z of another, applied as z + α·d.
 * The sets are chosen by indices, by the points' labels, or by what a classifier sees in the generated images; for a
 * conditional model the label space has its own, exact attribute vector, one-hot(with) − one-hot(without).
 */
public final class AttributeVectors {
  private AttributeVectors() {}

  /** mean(a) − mean(b) over vectors of one length; both sets non-empty. */
  public static float[] meanDifference(List<float[]> a, List<float[]> b) {
    if (a.isEmpty() || b.isEmpty()) {
      throw new IllegalArgumentException("attribute vector: both sets need at least one vector (got "
          + a.size() + " and " + b.size() + ")");
    }
    float[] ma = mean(a), mb = mean(b);
    if (ma.length != mb.length) {
      throw new IllegalArgumentException("attribute vector: vectors of " + ma.length + " and " + mb.length + " values");
    }
    float[] d = new float[ma.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = ma[i] - mb[i];
    }
    return d;
  }

  /** The z difference between the points at indices {@code a} and those at {@code b}. */
  public static float[] byIndices(List<LatentPoint> points, int[] a, int[] b) {
    return meanDifference(pick(points, a), pick(points, b));
  }

  /**
   * The z difference between the points labelled {@code with} and those labelled {@code without} (a point's
   * class is its label's largest entry; points without a label belong to neither set).
   */
  public static float[] byLabel(List<LatentPoint> points, int with, int without) {
    List<float[]> a = new ArrayList<>(), b = new ArrayList<>();
    for (LatentPoint p : points) {
      int k = p.label() == null ? -1 : argmax(p.label());
      if (k == with) {
        a.add(p.z());
      } else if (k == without) {
        b.add(p.z());
      }
    }
    return meanDifference(a, b);
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] > v[best] ? i : best;
    }
    return best;
  }

  /**
   * The z difference between samples the classifier puts in class {@code with} and those it puts in
   * {@code without}. {@code points} are generated (chunked by {@code space}); {@code classify} maps images
   * (N, C, H, W) in [-1, 1] to N class indices. Fails, with the counts per class, when a set is empty.
   */
  public static float[] byPrediction(LatentSpace space, List<LatentPoint> points, Function<Tensor, int[]> classify,
      int with, int without) {
    int[] predicted = classify.apply(space.generate(points));
    List<float[]> a = new ArrayList<>(), b = new ArrayList<>();
    int[] counts = new int[Math.max(with, without) + 1];
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] < counts.length) {
        counts[predicted[i]]++;
      }
      if (predicted[i] == with) {
        a.add(points.get(i).z());
      } else if (predicted[i] == without) {
        b.add(points.get(i).z());
      }
    }
    if (a.isEmpty() || b.isEmpty()) {
      throw new IllegalArgumentException("attribute vector: of " + points.size() + " samples the classifier put "
          + a.size() + " in class " + with + " and " + b.size() + " in class " + without
          + "; take more samples or other classes");
    }
    return meanDifference(a, b);
  }

  /** The label-space attribute vector one-hot(with) − one-hot(without). */
  public static float[] labelDirection(int classes, int with, int without) {
    float[] d = Labels.oneHot(with, classes);
    d[without] -= 1f;
    return d;
  }

  /** {@code v} + α·{@code d}. */
  public static float[] apply(float[] v, float[] d, double alpha) {
    if (v.length != d.length) {
      throw new IllegalArgumentException("attribute vector of " + d.length + " values applied to " + v.length);
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] + alpha * d[i]);
    }
    return out;
  }

  /** The Euclidean norm of {@code v}. */
  public static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    return Math.sqrt(s);
  }

  private static float[] mean(List<float[]> vs) {
    float[] m = new float[vs.get(0).length];
    double[] acc = new double[m.length];
    for (float[] v : vs) {
      for (int i = 0; i < m.length; i++) {
        acc[i] += v[i];
      }
    }
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) (acc[i] / vs.size());
    }
    return m;
  }

  private static List<float[]> pick(List<LatentPoint> points, int[] idx) {
    List<float[]> out = new ArrayList<>();
    for (int i : idx) {
      if (i < 0 || i >= points.size()) {
        throw new IllegalArgumentException("attribute vector: index " + i + " is not in 0.." + (points.size() - 1));
      }
      out.add(points.get(i).z());
    }
    return out;
  }
}
