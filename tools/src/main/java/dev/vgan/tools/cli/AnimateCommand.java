package dev.vgan.tools.cli;

import dev.vgan.tools.latent.Codes;
import dev.vgan.tools.latent.Directions;
import dev.vgan.tools.latent.LatentPoint;
import dev.vgan.tools.latent.LatentSpace;
import dev.vgan.tools.render.CaptionedGrid;
import dev.vgan.tools.render.GifWriter;
import dev.vgan.tools.render.Grid;
import dev.vgan.tools.render.Png;
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

/** {@code vgan animate}: a sweep along one direction or one InfoGAN code, as a looping GIF or a PNG. */
@Command(name = "animate", mixinStandardHelpOptions = true,
    description = "Sweep one semantic direction (SeFa, PCA or a saved directions file) or one InfoGAN code across "
        + "a few seeds side by side: x.gif loops the sweep, x.png shows it as a grid (one row per seed).")
final class AnimateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LatentOptions latent;

  @Option(names = "--method", defaultValue = "sefa", description = "sefa or pca, when no --directions (default ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--directions", description = "A directions JSON from vgan directions --save or vgan attribute --save.")
  Path directions;

  @Option(names = "--index", defaultValue = "1", description = "Which direction, 1 = strongest (default ${DEFAULT-VALUE}).")
  int index;

  @Option(names = "--sweep", description = "Sweep this InfoGAN code instead (cat1: every category; cont1: -range..+range).")
  String sweep;

  @Option(names = "--range", defaultValue = "2", description = "Largest |α| or code value (default ${DEFAULT-VALUE}).")
  double range;

  @Option(names = "--steps", defaultValue = "24", description = "Frames of the sweep (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--seeds", defaultValue = "4", description = "Seeds side by side (default ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--seed", defaultValue = "0", description = "First seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--fps", defaultValue = "12", description = "GIF frames per second (default ${DEFAULT-VALUE}).")
  int fps;

  @Option(names = "--ping-pong", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "GIF: play forward then back (default ${DEFAULT-VALUE}).")
  boolean pingPong;

  @Option(names = "--scale", defaultValue = "2", description = "Pixel scale (default ${DEFAULT-VALUE}).")
  int scale;

  @Option(names = "--out", required = true, description = "x.gif or x.png")
  Path out;

  @Override
  public Integer call() throws Exception {
    boolean gif = Outputs.isGif(spec.commandLine(), out);
    if (seeds < 1 || fps < 1 || scale < 1) {
      throw new ParameterException(spec.commandLine(), "--seeds, --fps and --scale must be >= 1");
    }
    LatentSpace space = latent.space();
    float[] label = latent.label(spec.commandLine());
    List<LatentPoint> bases = new ArrayList<>();
    for (int s = 0; s < seeds; s++) {
      bases.add(latent.point(spec.commandLine(), seed + s, label));
    }
    List<List<LatentPoint>> frames = new ArrayList<>();          // frames.get(f).get(s)
    double[] values = sweep != null ? codeSweep(space, bases, frames) : directionSweep(space, bases, frames);
    List<LatentPoint> all = new ArrayList<>();
    for (int s = 0; s < seeds; s++) {                            // row-major by seed for the PNG grid
      for (List<LatentPoint> f : frames) {
        all.add(f.get(s));
      }
    }
    List<BufferedImage> images = space.images(all);
    if (gif) {
      List<BufferedImage> gifFrames = new ArrayList<>();
      for (int f = 0; f < frames.size(); f++) {
        List<BufferedImage> row = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
          row.add(images.get(s * frames.size() + f));
        }
        gifFrames.add(Grid.render(row, seeds, scale, 2));
      }
      GifWriter.write(gifFrames, out, 1000 / fps, pingPong);
    } else {
      List<String> captions = sweep == null ? Alphas.captions(values, "α ")
          : Codes.isCategorical(space.spec(), sweep) ? categories(values) : Alphas.captions(values, sweep + " ");
      Png.write(CaptionedGrid.render(images, frames.size(), scale, 2, List.of(), captions), out);
    }
    System.out.printf("wrote a %d-frame sweep of %s to %s%n", frames.size(), sweep != null ? sweep : "direction " + index, out);
    return 0;
  }

  private List<String> categories(double[] values) {
    List<String> out = new ArrayList<>();
    for (double v : values) {
      out.add(sweep + "=" + (int) v);
    }
    return out;
  }

  private double[] directionSweep(LatentSpace space, List<LatentPoint> bases, List<List<LatentPoint>> frames)
      throws java.io.IOException {
    if (directions == null && index < 1) {
      throw new ParameterException(spec.commandLine(), "--index must be >= 1");
    }
    Directions dirs = DirectionSource.find(spec.commandLine(), space, directions, method, index,
        DirectionSource.PCA_SAMPLES, 0);
    if (index < 1 || index > dirs.count()) {
      throw new ParameterException(spec.commandLine(), "--index must be in 1.." + dirs.count());
    }
    double[] alphas = Alphas.of(range, steps);
    for (double a : alphas) {
      List<LatentPoint> f = new ArrayList<>();
      for (LatentPoint b : bases) {
        f.add(dirs.move(b, index - 1, a));
      }
      frames.add(f);
    }
    return alphas;
  }

  private double[] codeSweep(LatentSpace space, List<LatentPoint> bases, List<List<LatentPoint>> frames) {
    var spec0 = space.spec();
    double[] values;
    try {
      values = Codes.sweepValues(spec0, sweep, -range, range, steps);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--sweep: " + e.getMessage());
    }
    for (double v : values) {
      Map<String, Double> codes = new LinkedHashMap<>(latent.codes);
      codes.put(sweep, v);
      float[] c = Codes.vector(spec0, codes);
      List<LatentPoint> f = new ArrayList<>();
      for (LatentPoint b : bases) {
        f.add(b.withCodes(c));
      }
      frames.add(f);
    }
    return values;
  }
}
