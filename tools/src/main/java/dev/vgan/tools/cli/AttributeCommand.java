package dev.vgan.tools.cli;

import dev.vgan.models.eval.Evaluation;
import dev.vgan.models.zoo.GanModels;
import dev.vgan.tools.latent.AttributeVectors;
import dev.vgan.tools.latent.Directions;
import dev.vgan.tools.latent.LatentPoint;
import dev.vgan.tools.latent.LatentSpace;
import dev.vgan.tools.latent.Labels;
import dev.vgan.tools.render.CaptionedGrid;
import dev.vgan.tools.render.Png;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vgan attribute}: an attribute vector (with − without) and a grid of images moved along it. */
@Command(name = "attribute", mixinStandardHelpOptions = true,
    description = "Build an attribute vector from class WITH minus class WITHOUT — in label space (conditional "
        + "models: one-hot difference) or in z (the mean z of samples the evaluation classifier puts in each class) — "
        + "and draw rows of images moved along it.")
final class AttributeCommand implements Callable<Integer> {
  /** The sorted samples' z come from seeds far above the rows' (SEED, SEED+1, ...), so the two never share a z. */
  private static final long SAMPLE_SEEDS = 1L << 40;

  @Spec CommandSpec spec;
  @Mixin LatentOptions latent;

  @Option(names = "--with", required = true, description = "The class the vector points to.")
  int with;

  @Option(names = "--without", required = true, description = "The class it points away from.")
  int without;

  @Option(names = "--space", description = "label or z (default: label for conditional models, else z).")
  String space;

  @Option(names = "--data", description = "z space: the dataset whose evaluation classifier sorts the samples "
      + "(default: the checkpoint's training data).")
  String data;

  @Option(names = "--samples", defaultValue = "1000", description = "z space: samples to sort (default ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--range", defaultValue = "2", description = "z space: largest |α| in units of the vector (default ${DEFAULT-VALUE}).")
  double range;

  @Option(names = "--steps", defaultValue = "7", description = "Columns (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--rows", defaultValue = "4", description = "Rows, one z each (default ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the rows' z and of the samples (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--save", description = "Also save the vector as directions JSON.")
  Path save;

  @Option(names = "--scale", defaultValue = "2", description = "Pixel scale (default ${DEFAULT-VALUE}).")
  int scale;

  @Option(names = "--out", required = true, description = "grid.png")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (Outputs.isGif(spec.commandLine(), out) || rows < 1 || steps < 2) {
      throw new ParameterException(spec.commandLine(), "--out must be a .png, --rows >= 1 and --steps >= 2");
    }
    LatentSpace s = latent.space();
    boolean labelSpace = space == null ? s.spec().conditional() : switch (space) {
      case "label" -> true;
      case "z" -> false;
      default -> throw new ParameterException(spec.commandLine(), "--space must be label or z, got " + space);
    };
    if (labelSpace && !s.spec().conditional()) {
      throw new ParameterException(spec.commandLine(), "--space label: this model is not conditional");
    }
    int classes = labelSpace ? s.spec().classes() : Integer.MAX_VALUE;
    if (with < 0 || without < 0 || with >= classes || without >= classes || with == without) {
      throw new ParameterException(spec.commandLine(), "--with and --without must be two different classes");
    }
    float[] vector = labelSpace ? AttributeVectors.labelDirection(classes, with, without) : zVector(s);
    double norm = AttributeVectors.norm(vector);
    Directions dir = new Directions("attribute", labelSpace ? "label" : "z", "norm",
        new float[][] {AttributeVectors.apply(new float[vector.length], vector, 1 / norm)}, new double[] {norm},
        s.checkpointSha256());
    double[] alphas = labelSpace ? Alphas.between(0, 1, steps) : Alphas.of(range, steps);
    float[] baseLabel = labelSpace ? Labels.oneHot(without, classes) : latent.label(spec.commandLine());
    List<LatentPoint> points = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      LatentPoint base = latent.point(spec.commandLine(), seed + r, baseLabel);
      for (double a : alphas) {
        points.add(dir.move(base, 0, a * norm));
      }
    }
    Png.write(CaptionedGrid.render(s.images(points), steps, scale, 2, List.of(), Alphas.captions(alphas, "α ")), out);
    if (save != null) {
      dir.save(save);
    }
    System.out.printf("wrote %s-space attribute %d - %d (norm %.3f) to %s%n", dir.space(), with, without, norm, out);
    return 0;
  }

  /** Mean z of samples classified {@code with} minus mean z of those classified {@code without}. */
  private float[] zVector(LatentSpace s) throws IOException {
    String name = data != null ? data : GanModels.spec(latent.checkpoint).data();
    if (name == null) {
      throw new ParameterException(spec.commandLine(), "--data: the checkpoint does not say what it was trained on");
    }
    var classifier = Evaluation.classifier(name, System.out).classifier();
    float[] label = latent.label(spec.commandLine());
    List<LatentPoint> pts = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      pts.add(latent.point(spec.commandLine(), SAMPLE_SEEDS + seed * samples + i, label));
    }
    return AttributeVectors.byPrediction(s, pts, classifier::predict, with, without);
  }
}
