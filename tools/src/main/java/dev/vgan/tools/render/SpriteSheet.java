package dev.vgan.tools.render;

import dev.vgan.engine.io.AtomicFiles;
import dev.vgan.engine.io.Json;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sprite sheets: one PNG atlas and a JSON atlas in TexturePacker's "JSON (Hash)" shape — {@code frames}
 * maps each frame's name to its {@code frame} rectangle (x, y, w, h), {@code sourceSize} and the untrimmed,
 * unrotated flags; {@code meta} names the image and its size — which Phaser ({@code load.atlas}), PixiJS
 * ({@code Spritesheet}) and libGDX's TexturePacker-JSON loaders read. Each frame also carries a {@code vgan}
 * object (seed, label, α...) so it can be regenerated; importers ignore keys they do not know.
 */
public final class SpriteSheet {
  private SpriteSheet() {}

  /**
   * One frame: a unique name, its picture, and what made it.
   *
   * @param name unique within a sheet
   * @param image all frames of a sheet have one size
   * @param meta written under the frame's {@code vgan} key (strings, numbers, lists, maps)
   */
  public record Sprite(String name, BufferedImage image, Map<String, Object> meta) {}

  /**
   * Writes {@code sprites} in rows of {@code cols} with {@code padding} transparent pixels between frames
   * (so texture filtering does not bleed neighbours in) to {@code png}, and the atlas to {@code json}; both
   * atomically. {@code sheetMeta} (may be empty) goes under the atlas meta's {@code vgan} key.
   */
  public static void write(List<Sprite> sprites, int cols, int padding, Map<String, Object> sheetMeta, Path png,
      Path json) throws IOException {
    if (sprites.isEmpty() || cols < 1 || padding < 0) {
      throw new IllegalArgumentException("sprite sheet: need sprites, cols >= 1, padding >= 0");
    }
    int w = sprites.get(0).image().getWidth(), h = sprites.get(0).image().getHeight();
    int rows = (sprites.size() + cols - 1) / cols, columns = Math.min(cols, sprites.size());
    BufferedImage sheet = new BufferedImage(columns * w + (columns - 1) * padding, rows * h + (rows - 1) * padding,
        BufferedImage.TYPE_INT_ARGB);
    Map<String, Object> frames = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    Graphics2D g = sheet.createGraphics();
    try {
      for (int i = 0; i < sprites.size(); i++) {
        Sprite s = sprites.get(i);
        if (s.image().getWidth() != w || s.image().getHeight() != h) {
          throw new IllegalArgumentException("sprite sheet: frame " + s.name() + " is not " + w + "x" + h);
        }
        if (!names.add(s.name())) {
          throw new IllegalArgumentException("sprite sheet: two frames named " + s.name());
        }
        int x = (i % cols) * (w + padding), y = (i / cols) * (h + padding);
        g.drawImage(s.image(), x, y, null);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("frame", rect(x, y, w, h));
        f.put("rotated", false);
        f.put("trimmed", false);
        f.put("spriteSourceSize", rect(0, 0, w, h));
        f.put("sourceSize", size(w, h));
        f.put("vgan", s.meta());
        frames.put(s.name(), f);
      }
    } finally {
      g.dispose();
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("app", "vgan");
    meta.put("version", "1.0");
    meta.put("image", png.getFileName().toString());
    meta.put("format", "RGBA8888");
    meta.put("size", size(sheet.getWidth(), sheet.getHeight()));
    meta.put("scale", "1");
    meta.put("vgan", sheetMeta);
    Map<String, Object> atlas = new LinkedHashMap<>();
    atlas.put("frames", frames);
    atlas.put("meta", meta);
    Png.write(sheet, png);
    AtomicFiles.write(json, out -> out.write(Json.write(atlas).getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, Object> rect(int x, int y, int w, int h) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("x", x);
    r.put("y", y);
    r.putAll(size(w, h));
    return r;
  }

  private static Map<String, Object> size(int w, int h) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("w", w);
    r.put("h", h);
    return r;
  }
}
