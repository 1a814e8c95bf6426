package dev.vgan.tools.cli;

import dev.vgan.tools.latent.Directions;
import dev.vgan.tools.latent.LatentSpace;
import dev.vgan.tools.sefa.PcaDirections;
import dev.vgan.tools.sefa.Sefa;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Where the direction commands (directions, animate) get their directions: a saved file, SeFa or PCA. */
final class DirectionSource {
  /** Prior samples the PCA baseline uses unless told otherwise. */
  static final int PCA_SAMPLES = 2000;

  private DirectionSource() {}

  /**
   * The directions saved in {@code load} (checked against the checkpoint's hash), or the {@code k} strongest
   * found by {@code method} ("sefa" or "pca", the latter from {@code samples} prior samples drawn with
   * {@code seed}; each direction's σ and explained variance printed).
   */
  static Directions find(CommandLine cmd, LatentSpace space, Path load, String method, int k, int samples, long seed)
      throws IOException {
    if (load != null) {
      return Directions.load(load, space.checkpointSha256());
    }
    int zDim = space.spec().zDim();
    if (k < 1 || k > zDim) {
      throw new ParameterException(cmd, "the number of directions must be in 1.." + zDim + ", got " + k);
    }
    var projection = space.generator().projection();
    return switch (method) {
      case "sefa" -> Sefa.directions(projection, k, space.checkpointSha256());
      case "pca" -> {
        PcaDirections pca = PcaDirections.of(projection, k, samples, seed, space.checkpointSha256());
        for (int i = 0; i < k; i++) {
          System.out.printf(Locale.ROOT, "  #%d  sigma %.3g  explains %.1f%% of the first layer's variance%n", i + 1,
              pca.directions().scales()[i], 100 * pca.explainedVariance()[i]);
        }
        yield pca.directions();
      }
      default -> throw new ParameterException(cmd, "--method must be sefa or pca, got " + method);
    };
  }
}
