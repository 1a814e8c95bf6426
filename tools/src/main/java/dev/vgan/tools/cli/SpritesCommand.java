package dev.vgan.tools.cli;

import dev.vgan.tools.latent.LatentPoint;
import dev.vgan.tools.latent.LatentSpace;
import dev.vgan.tools.latent.Labels;
import dev.vgan.tools.render.SpriteSheet;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vgan sprites}: a sprite sheet (PNG atlas + TexturePacker JSON) of generated frames. */
@Command(name = "sprites", mixinStandardHelpOptions = true,
    description = "Generate a sprite sheet: OUT.png (the atlas) and OUT.json (TexturePacker JSON hash: frame "
        + "rectangles, and per frame the seed and label that regenerate it). One row per label.")
final class SpritesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LatentOptions latent;

  @Option(names = "--labels", description = "Classes, one row each: 0-9, or 1,4,7 (conditional models; default all).")
  String labels;

  @Option(names = "--per-label", defaultValue = "8", description = "Frames per row (default ${DEFAULT-VALUE}).")
  int perLabel;

  @Option(names = "--rows", defaultValue = "1", description = "Unconditional models: rows (default ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--seed", defaultValue = "0", description = "Frame j of a row has z of seed SEED+j (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--padding", defaultValue = "2", description = "Transparent pixels between frames (default ${DEFAULT-VALUE}).")
  int padding;

  @Option(names = "--out", required = true, description = "The sheet's base name: OUT.png and OUT.json are written.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (perLabel < 1 || rows < 1 || padding < 0) {
      throw new ParameterException(spec.commandLine(), "--per-label and --rows must be >= 1, --padding >= 0");
    }
    LatentSpace space = latent.space();
    String base = out.getFileName().toString().replaceFirst("\\.(png|json)$", "");
    Path png = out.resolveSibling(base + ".png"), json = out.resolveSibling(base + ".json");
    List<Integer> classes = rowClasses(space);
    List<LatentPoint> points = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Map<String, Object>> metas = new ArrayList<>();
    for (int r = 0; r < classes.size(); r++) {
      Integer k = classes.get(r);
      float[] label = k == null ? null : Labels.oneHot(k, space.spec().classes());
      for (int j = 0; j < perLabel; j++) {
        long s = seed + (k == null ? (long) r * perLabel + j : j);
        points.add(latent.point(spec.commandLine(), s, label));
        names.add((k == null ? "" : "label" + k + "_") + "seed" + s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", s);
        m.put("label", k);
        m.put("alpha", 0.0);
        m.put("codes", latent.codes);
        metas.add(m);
      }
    }
    List<BufferedImage> images = space.images(points);
    List<SpriteSheet.Sprite> sprites = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      sprites.add(new SpriteSheet.Sprite(names.get(i), images.get(i), metas.get(i)));
    }
    Map<String, Object> sheet = new LinkedHashMap<>();
    sheet.put("checkpoint", latent.checkpoint.getFileName().toString());
    sheet.put("checkpoint_sha256", space.checkpointSha256());
    sheet.put("z", "standard normal from the frame's seed (vgan sample --seed S --n 1 gives the same z)");
    SpriteSheet.write(sprites, perLabel, padding, sheet, png, json);
    System.out.printf("wrote %d frames to %s and %s%n", sprites.size(), png, json);
    return 0;
  }

  /** One entry per row: a class, or null rows for an unconditional model. */
  private List<Integer> rowClasses(LatentSpace space) {
    List<Integer> out = new ArrayList<>();
    int classes = space.spec().classes();
    if (!space.spec().conditional()) {
      if (labels != null) {
        throw new ParameterException(spec.commandLine(), "--labels: this model is not conditional (use --rows)");
      }
      for (int r = 0; r < rows; r++) {
        out.add(null);
      }
      return out;
    }
    try {
      for (String part : (labels == null ? "0-" + (classes - 1) : labels).split(",")) {
        String[] ends = part.strip().split("-");
        int lo = Integer.parseInt(ends[0].strip()), hi = ends.length > 1 ? Integer.parseInt(ends[1].strip()) : lo;
        if (ends.length > 2 || lo < 0 || hi >= classes || lo > hi) {
          throw new NumberFormatException();
        }
        for (int k = lo; k <= hi; k++) {
          out.add(k);
        }
      }
    } catch (NumberFormatException e) {
      throw new ParameterException(spec.commandLine(), "--labels: expected classes in 0.." + (classes - 1)
          + " like 0-9 or 1,4,7, got " + labels);
    }
    return out;
  }
}
