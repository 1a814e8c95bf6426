package dev.vgan.tools.cli;

import dev.vgan.tools.latent.Codes;
import dev.vgan.tools.latent.LatentPoint;
import dev.vgan.tools.latent.LatentSpace;
import dev.vgan.tools.latent.Labels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every latent-space command shares: the checkpoint, a held label, InfoGAN codes. */
final class LatentOptions {
  @Option(names = "--checkpoint", required = true, description = "A checkpoint.safetensors from vgan train or import.")
  Path checkpoint;

  @Option(names = "--label", description = "The label of every image (conditional models): a class K, or a mixture "
      + "such as 3:0.5,8:0.5.")
  String label;

  @Option(names = "--code", description = "An InfoGAN code NAME=VALUE (repeatable): cat1=3, cont1=0.5. Codes not "
      + "given are at category 0 or value 0.")
  Map<String, Double> codes = new LinkedHashMap<>();

  private LatentSpace space;

  /** The checkpoint's latent space, opened once. */
  LatentSpace space() throws IOException {
    if (space == null) {
      space = LatentSpace.open(checkpoint);
    }
    return space;
  }

  /** {@code --label} as a vector; null for an unconditional model. Usage error when it is needed and missing. */
  float[] label(CommandLine cmd) throws IOException {
    var spec = space().spec();
    if (!spec.conditional()) {
      if (label != null) {
        throw new ParameterException(cmd, "--label: this model is not conditional");
      }
      return null;
    }
    if (label == null) {
      throw new ParameterException(cmd, "this model is conditional (" + spec.classes() + " classes): give --label K "
          + "(0.." + (spec.classes() - 1) + ") or a mixture like --label 3:0.5,8:0.5");
    }
    return parseLabel(cmd, label);
  }

  /** A label given on the command line, as a vector. */
  float[] parseLabel(CommandLine cmd, String text) throws IOException {
    try {
      return Labels.parse(text, space().spec().classes());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, e.getMessage());
    }
  }

  /** The point of {@code seed}'s z with {@code label} (may be null) and the {@code --code} values. */
  LatentPoint point(CommandLine cmd, long seed, float[] label) throws IOException {
    LatentSpace s = space();
    try {
      return new LatentPoint(s.z(seed), label, s.spec().hasCodes() ? Codes.vector(s.spec(), codes) : null);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, e.getMessage());
    }
  }
}
