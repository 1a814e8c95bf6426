package dev.vgan.tools.latent;

import java.util.ArrayList;
import java.util.List;

/**
 * Paths through latent space. z moves by one of three {@link Method}s; labels and codes always move
 * linearly, so a path between two classes passes through their mixtures. Every path includes its
 * endpoints.
 */
public final class Interpolation {
  /** How z moves between two points. */
  public enum Method {
    /** Straight line: (1−t)·a + t·b. Midpoints have a smaller norm than prior samples (washed-out images). */
    LERP,
    /**
     * Along the great circle between a and b (Shoemake's slerp, applied to the vectors as they are, as GAN
     * tools do): between endpoints of equal norm the norm stays constant.
     */
    SLERP,
    /**
     * The straight line divided by √((1−t)² + t²): for independent standard normal endpoints every point is
     * again standard normal, so its norm matches the prior's (White, "Sampling generative networks").
     */
    MATCHED
  }

  private Interpolation() {}

  /** (1−t)·a + t·b. */
  public static float[] lerp(float[] a, float[] b, double t) {
    check(a, b);
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) ((1 - t) * a[i] + t * b[i]);
    }
    return out;
  }

  /**
   * Spherical interpolation: sin((1−t)θ)/sin θ · a + sin(tθ)/sin θ · b, θ the angle between a and b;
   * falls back to {@link #lerp} when they are (anti)parallel within 1e-6 rad, where slerp is undefined.
   */
  public static float[] slerp(float[] a, float[] b, double t) {
    check(a, b);
    double na = AttributeVectors.norm(a), nb = AttributeVectors.norm(b), dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
    }
    double cos = na == 0 || nb == 0 ? 1 : Math.max(-1, Math.min(1, dot / (na * nb)));
    double theta = Math.acos(cos);
    if (theta < 1e-6 || Math.PI - theta < 1e-6) {
      return lerp(a, b, t);
    }
    double wa = Math.sin((1 - t) * theta) / Math.sin(theta), wb = Math.sin(t * theta) / Math.sin(theta);
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) (wa * a[i] + wb * b[i]);
    }
    return out;
  }

  /** The prior-matched line: {@link #lerp} / √((1−t)² + t²). */
  public static float[] matched(float[] a, float[] b, double t) {
    float[] out = lerp(a, b, t);
    double s = 1 / Math.sqrt((1 - t) * (1 - t) + t * t);
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (out[i] * s);
    }
    return out;
  }

  /** z by {@code method}; label and codes linearly. */
  public static LatentPoint between(LatentPoint a, LatentPoint b, double t, Method method) {
    float[] z = switch (method) {
      case LERP -> lerp(a.z(), b.z(), t);
      case SLERP -> slerp(a.z(), b.z(), t);
      case MATCHED -> matched(a.z(), b.z(), t);
    };
    return new LatentPoint(z, a.label() == null ? null : lerp(a.label(), b.label(), t),
        a.codes() == null ? null : lerp(a.codes(), b.codes(), t));
  }

  /**
   * The path through {@code keyframes} in order: {@code stepsPerSegment} points from each keyframe toward the
   * next (t = 0, 1/steps, ...), then the last keyframe. With {@code closed} it returns to the first keyframe
   * and leaves it out at the end, so the frames loop seamlessly (for a bounce instead, play the open path
   * ping-pong: {@link dev.vgan.tools.render.GifWriter}).
   */
  public static List<LatentPoint> path(List<LatentPoint> keyframes, int stepsPerSegment, Method method, boolean closed) {
    if (keyframes.size() < 2 || stepsPerSegment < 1) {
      throw new IllegalArgumentException("a path needs at least 2 keyframes and 1 step per segment");
    }
    List<LatentPoint> keys = new ArrayList<>(keyframes);
    if (closed) {
      keys.add(keyframes.get(0));
    }
    List<LatentPoint> out = new ArrayList<>();
    for (int k = 0; k + 1 < keys.size(); k++) {
      for (int s = 0; s < stepsPerSegment; s++) {
        out.add(s == 0 ? keys.get(k) : between(keys.get(k), keys.get(k + 1), (double) s / stepsPerSegment, method));
      }
    }
    if (!closed) {
      out.add(keys.get(keys.size() - 1));
    }
    return out;
  }

  private static void check(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("interpolation: vectors of " + a.length + " and " + b.length + " values");
    }
  }
}
