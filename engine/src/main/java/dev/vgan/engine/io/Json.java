package dev.vgan.engine.io;

import java.util.List;
import java.util.Map;

/**
 * JSON for configs and metadata, without a library: a strict reader (duplicate keys and trailing text
 * rejected, errors with the character offset) and a writer for maps, lists, strings, numbers, booleans and
 * null. Objects read back as {@code LinkedHashMap<String, Object>}, arrays as {@code List<Object>}, integers
 * as {@code Long} and other numbers as {@code Double}.
 */
public final class Json {
  private Json() {}

  /** Parses {@code text}; fails with {@link IllegalArgumentException} naming the offset of the problem. */
  public static Object parse(String text) {
    return StrictJson.parse(text, true);
  }

  /** Parses {@code text}, which must hold a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object v = parse(text);
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("expected a JSON object, got " + (v == null ? "null" : v.getClass().getSimpleName()));
    }
    return (Map<String, Object>) v;
  }

  /**
   * Writes {@code value} as compact JSON. Floats and doubles are written with the shortest text that reads
   * back to the same value; NaN and infinities, which JSON cannot hold, are refused.
   */
  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(value, b);
    return b.toString();
  }

  private static void write(Object v, StringBuilder b) {
    switch (v) {
      case null -> b.append("null");
      case String s -> b.append(StrictJson.quote(s));
      case Boolean x -> b.append(x);
      case Integer x -> b.append(x);
      case Long x -> b.append(x);
      case Float x -> b.append(finite(x.doubleValue(), Float.toString(x)));
      case Double x -> b.append(finite(x, Double.toString(x)));
      case Map<?, ?> m -> {
        b.append('{');
        String sep = "";
        for (Map.Entry<?, ?> e : m.entrySet()) {
          b.append(sep).append(StrictJson.quote(String.valueOf(e.getKey()))).append(':');
          write(e.getValue(), b);
          sep = ",";
        }
        b.append('}');
      }
      case List<?> l -> {
        b.append('[');
        for (int i = 0; i < l.size(); i++) {
          b.append(i > 0 ? "," : "");
          write(l.get(i), b);
        }
        b.append(']');
      }
      case int[] a -> write(java.util.Arrays.stream(a).boxed().toList(), b);
      default -> throw new IllegalArgumentException("json: cannot write a " + v.getClass().getName());
    }
  }

  private static String finite(double v, String text) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("json: cannot write " + v);
    }
    return text;
  }
}
