package dev.vgan.engine.testing;

import java.util.List;

/** Numbers out of parsed JSON golden files ({@code dev.vgan.engine.io.Json} reads arrays as lists). */
public final class JsonLists {
  private JsonLists() {}

  /** A JSON array of numbers as floats. */
  public static float[] floats(Object list) {
    List<?> l = (List<?>) list;
    float[] out = new float[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) l.get(i)).floatValue();
    }
    return out;
  }

  /** A JSON array of numbers as doubles. */
  public static double[] doubles(Object list) {
    List<?> l = (List<?>) list;
    double[] out = new double[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) l.get(i)).doubleValue();
    }
    return out;
  }
}
