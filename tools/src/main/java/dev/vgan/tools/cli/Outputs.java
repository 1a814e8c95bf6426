package dev.vgan.tools.cli;

import dev.vgan.tools.latent.Interpolation;
import dev.vgan.tools.render.Grid;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Checks and helpers the picture-making commands share. */
final class Outputs {
  private Outputs() {}

  /** Whether {@code out} names a GIF (true) or a PNG (false); a usage error otherwise. */
  static boolean isGif(CommandLine cmd, Path out) {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".gif") && !name.endsWith(".png")) {
      throw new ParameterException(cmd, "--out must end in .gif or .png, got " + out);
    }
    return name.endsWith(".gif");
  }

  /** {@code --method} as an interpolation method. */
  static Interpolation.Method method(CommandLine cmd, String name) {
    try {
      return Interpolation.Method.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, "--method must be slerp, lerp or matched, got " + name);
    }
  }

  /** Each picture drawn {@code scale} times larger (nearest neighbour). */
  static List<BufferedImage> scaled(List<BufferedImage> images, int scale) {
    if (scale == 1) {
      return images;
    }
    List<BufferedImage> out = new ArrayList<>();
    for (BufferedImage im : images) {
      out.add(Grid.render(List.of(im), 1, scale, 0));
    }
    return out;
  }
}
