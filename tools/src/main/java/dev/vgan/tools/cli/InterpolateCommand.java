package dev.vgan.tools.cli;

import dev.vgan.tools.latent.Interpolation;
import dev.vgan.tools.latent.LatentPoint;
import dev.vgan.tools.latent.LatentSpace;
import dev.vgan.tools.render.CaptionedGrid;
import dev.vgan.tools.render.GifWriter;
import dev.vgan.tools.render.Png;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vgan interpolate}: a walk from one latent point to another, as a looping GIF or a PNG strip. */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
    description = "Interpolate between the z of two seeds (and between two labels): x.gif (a looping animation) or "
        + "x.png (the frames in a row).")
final class InterpolateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LatentOptions latent;

  @Option(names = "--from", defaultValue = "0", description = "Seed of the first z (default ${DEFAULT-VALUE}).")
  long from;

  @Option(names = "--to", defaultValue = "1", description = "Seed of the last z (default ${DEFAULT-VALUE}).")
  long to;

  @Option(names = "--through", split = ",", description = "Seeds of keyframes between --from and --to: 5,9.")
  List<Long> through = new ArrayList<>();

  @Option(names = "--label-from", description = "Label at the start (conditional models; a class or a mixture).")
  String labelFrom;

  @Option(names = "--label-to", description = "Label at the end.")
  String labelTo;

  @Option(names = "--steps", defaultValue = "16", description = "Frames from one keyframe to the next (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--method", defaultValue = "slerp", description = "slerp, lerp or matched (default ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--fps", defaultValue = "12", description = "GIF frames per second (default ${DEFAULT-VALUE}).")
  int fps;

  @Option(names = "--ping-pong", description = "GIF: play forward then back instead of jumping to the start.")
  boolean pingPong;

  @Option(names = "--scale", defaultValue = "2", description = "Pixel scale of the output (default ${DEFAULT-VALUE}).")
  int scale;

  @Option(names = "--out", required = true, description = "x.gif or x.png.")
  Path out;

  @Override
  public Integer call() throws Exception {
    boolean gif = Outputs.isGif(spec.commandLine(), out);
    if (steps < 1 || fps < 1 || scale < 1) {
      throw new ParameterException(spec.commandLine(), "--steps, --fps and --scale must be >= 1");
    }
    Interpolation.Method m = Outputs.method(spec.commandLine(), method);
    LatentSpace space = latent.space();
    float[] start = labelFrom != null ? latent.parseLabel(spec.commandLine(), labelFrom) : null;
    float[] end = labelTo != null ? latent.parseLabel(spec.commandLine(), labelTo) : null;
    if (space.spec().conditional() && (start == null || end == null)) {
      float[] held = latent.label(spec.commandLine());
      start = start != null ? start : held;
      end = end != null ? end : held;
    }
    List<Long> seeds = new ArrayList<>();
    seeds.add(from);
    seeds.addAll(through);
    seeds.add(to);
    List<LatentPoint> keys = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      float[] label = start == null ? null : Interpolation.lerp(start, end, (double) i / (seeds.size() - 1));
      keys.add(latent.point(spec.commandLine(), seeds.get(i), label));
    }
    List<BufferedImage> frames = space.images(Interpolation.path(keys, steps, m, false));
    if (gif) {
      GifWriter.write(Outputs.scaled(frames, scale), out, 1000 / fps, pingPong);
    } else {
      List<String> captions = new ArrayList<>();
      for (int i = 0; i < frames.size(); i++) {
        captions.add(String.format(Locale.ROOT, "%.2f", (double) i / (frames.size() - 1)));
      }
      Png.write(CaptionedGrid.render(frames, frames.size(), scale, 2, List.of(), captions), out);
    }
    System.out.printf("wrote %d frames (%s) to %s%n", frames.size(), m.name().toLowerCase(Locale.ROOT), out);
    return 0;
  }
}
