package dev.vgan.tools.cli;

import dev.vgan.tools.latent.Directions;
import dev.vgan.tools.latent.LatentPoint;
import dev.vgan.tools.latent.LatentSpace;
import dev.vgan.tools.render.CaptionedGrid;
import dev.vgan.tools.render.Png;
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

/** {@code vgan directions}: semantic directions by SeFa or PCA, shown as a grid of sweeps. */
@Command(name = "directions", mixinStandardHelpOptions = true,
    description = "Find semantic directions in z (SeFa: eigenvectors of AᵀA of the first projection; PCA: GANSpace-"
        + "style baseline) and draw one row per direction, z + α·d for α from -range to +range.")
final class DirectionsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LatentOptions latent;

  @Option(names = "--method", defaultValue = "sefa", description = "sefa or pca (default ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--k", defaultValue = "5", description = "How many directions (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--range", defaultValue = "3", description = "Largest |α| (default ${DEFAULT-VALUE}).")
  double range;

  @Option(names = "--steps", defaultValue = "7", description = "Columns: α values (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the z every row starts from (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--samples", defaultValue = "" + DirectionSource.PCA_SAMPLES, description = "PCA: prior samples (default ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--load", description = "Draw directions saved earlier (JSON) instead of finding them.")
  Path load;

  @Option(names = "--save", description = "Also save the directions as JSON (with the checkpoint's hash).")
  Path save;

  @Option(names = "--scale", defaultValue = "2", description = "Pixel scale (default ${DEFAULT-VALUE}).")
  int scale;

  @Option(names = "--out", required = true, description = "grid.png")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (Outputs.isGif(spec.commandLine(), out)) {
      throw new ParameterException(spec.commandLine(), "--out: directions draws a PNG grid (vgan animate makes GIFs)");
    }
    LatentSpace space = latent.space();
    Directions dirs = DirectionSource.find(spec.commandLine(), space, load, method, k, samples, seed);
    double[] alphas = Alphas.of(range, steps);
    LatentPoint base = latent.point(spec.commandLine(), seed, latent.label(spec.commandLine()));
    List<LatentPoint> points = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < dirs.count(); i++) {
      for (double a : alphas) {
        points.add(dirs.move(base, i, a));
      }
      rows.add(String.format(Locale.ROOT, "#%d %s %.3g", i + 1, symbol(dirs.scaleKind()), dirs.scales()[i]));
    }
    Png.write(CaptionedGrid.render(space.images(points), steps, scale, 2, rows, Alphas.captions(alphas, "α ")), out);
    if (save != null) {
      dirs.save(save);
    }
    System.out.printf("wrote %d %s directions to %s%s%n", dirs.count(), dirs.method(), out,
        save == null ? "" : " and " + save);
    return 0;
  }

  private static String symbol(String scaleKind) {
    return switch (scaleKind) {
      case "eigenvalue" -> "λ";
      case "sigma" -> "σ";
      default -> "|d|";
    };
  }
}
