package dev.vgan.models.api;

import dev.vgan.engine.io.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to rebuild a model's networks: its family, the images, the latent input and the
 * networks' width (channels of the generator's last hidden layer). Stored as JSON in every checkpoint.
 *
 * @param kind the family
 * @param image the images made and judged
 * @param latent the generator's latent input
 * @param width channels of the generator's last hidden layer (and of the discriminator's first); the
 *     other layers double from there
 */
public record GanConfig(GanKind kind, ImageSpec image, LatentSpec latent, int width) {
  /** Checks the values. */
  public GanConfig {
    if (width < 1) {
      throw new IllegalArgumentException("config: width must be >= 1, got " + width);
    }
    boolean needsLabels = kind == GanKind.CGAN || kind == GanKind.ACGAN || kind == GanKind.WGANGP;
    if (needsLabels && !latent.conditional()) {
      throw new IllegalArgumentException(kind.id() + " is conditional: it needs classes >= 1");
    }
    if (kind == GanKind.INFOGAN && !latent.hasCodes()) {
      throw new IllegalArgumentException("infogan needs at least one categorical or continuous code");
    }
  }

  /** The config as JSON. */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind.id());
    m.put("channels", image.channels());
    m.put("height", image.height());
    m.put("width", image.width());
    m.put("z", latent.zDim());
    m.put("classes", latent.classes());
    m.put("categorical", latent.categorical());
    m.put("continuous", latent.continuous());
    m.put("net_width", width);
    return Json.write(m);
  }

  /** Reads a config written by {@link #toJson}; fails naming the missing or bad field. */
  public static GanConfig fromJson(String json) {
    Map<String, Object> m = Json.parseObject(json);
    List<?> cat = (List<?>) field(m, "categorical");
    int[] categorical = cat.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    return new GanConfig(GanKind.parse((String) field(m, "kind")),
        new ImageSpec(integer(m, "channels"), integer(m, "height"), integer(m, "width")),
        new LatentSpec(integer(m, "z"), integer(m, "classes"), categorical, integer(m, "continuous")),
        integer(m, "net_width"));
  }

  private static Object field(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("config: missing field '" + key + "'");
    }
    return v;
  }

  private static int integer(Map<String, Object> m, String key) {
    if (!(field(m, key) instanceof Long v) || v != (int) (long) v) {
      throw new IllegalArgumentException("config: field '" + key + "' must be an integer, got " + m.get(key));
    }
    return (int) (long) v;
  }
}
