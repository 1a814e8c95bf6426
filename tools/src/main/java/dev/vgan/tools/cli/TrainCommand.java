package dev.vgan.tools.cli;

import dev.vgan.models.api.GanConfig;
import dev.vgan.models.api.GanKind;
import dev.vgan.models.data.DataSources;
import dev.vgan.models.data.Dataset;
import dev.vgan.models.data.ImageFolder;
import dev.vgan.models.eval.Clusters;
import dev.vgan.models.train.AdversarialLoss;
import dev.vgan.models.train.TrainConfig;
import dev.vgan.models.zoo.GanModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vgan train}: trains a GAN family on a dataset, with checkpoints, sample grids and a loss plot. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a GAN. Writes checkpoint.safetensors, losses.csv, samples/epoch-NNN.png, progress.gif "
        + "and losses.png into --out.")
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "dcgan, cgan, acgan, infogan or wgangp.")
  String model;

  @Option(names = "--data", defaultValue = DataSources.SPRITES,
      description = "A dataset name (sprites, fashion-mnist, mnist, ...) or a folder (default ${DEFAULT-VALUE}).")
  String data;

  @Option(names = "--epochs", defaultValue = "10", description = "Most epochs to train (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--minutes", description = "Stop at the end of an epoch before this many minutes have passed.")
  Double minutes;

  @Option(names = "--batch", description = "Images per batch (default 64).")
  Integer batch;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of weights, latents and batch order (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", description = "The run's folder (default runs/MODEL).")
  Path out;

  @Option(names = "--resume", description = "Continue the run in --out from its checkpoint, exactly.")
  boolean resume;

  @Option(names = "--steps-per-epoch", defaultValue = "0",
      description = "Batches per epoch; 0 = a whole pass over the data (default ${DEFAULT-VALUE}).")
  int stepsPerEpoch;

  @Option(names = "--loss", description = "non-saturating, hinge or wasserstein-gp (default: the family's).")
  String loss;

  @Option(names = "--d-steps", description = "Discriminator updates per generator update (default: the family's).")
  Integer dSteps;

  @Option(names = "--lr", description = "Adam learning rate of both networks (default: the family's).")
  Float lr;

  @Option(names = "--width", description = "Channels of the generator's last hidden layer (default 128 at 28 px, else 64).")
  Integer width;

  @Option(names = "--keep-checkpoints",
      description = "Also keep each epoch's checkpoint as checkpoints/epoch-NNN.safetensors (to evaluate them later).")
  boolean keepCheckpoints;

  @Option(names = "--image-size", defaultValue = "32",
      description = "Side of the square images made from an image folder: 28, 32 or 64 (default ${DEFAULT-VALUE}).")
  int imageSize;

  @Option(names = "--gray", description = "Read an image folder as grayscale.")
  boolean gray;

  @Option(names = "--clusters", description = "Label the images by k-means into this many clusters "
      + "(wgangp: the default, 10, when the data has no labels).")
  Integer clusters;

  @Override
  public Integer call() throws Exception {
    GanKind kind = parse(() -> GanKind.parse(model), "--model");
    if (epochs < 1 || (batch != null && batch < 1) || stepsPerEpoch < 0 || (minutes != null && !(minutes > 0))) {
      throw new ParameterException(spec.commandLine(), "--epochs and --batch must be >= 1, --minutes > 0, "
          + "--steps-per-epoch >= 0");
    }
    Path folder = out != null ? out : Path.of("runs", kind.id());
    if (imageSize != 28 && imageSize != 32 && imageSize != 64) {
      throw new ParameterException(spec.commandLine(), "--image-size must be 28, 32 or 64");
    }
    Dataset dataset = DataSources.open(data, DataSources.Split.TRAIN, new ImageFolder.Options(imageSize, !gray));
    Integer k = clusters != null ? clusters : kind == GanKind.WGANGP && !dataset.labelled() ? Integer.valueOf(10) : null;
    if (k != null) {
      if (k < 2 || k > 100) {
        throw new ParameterException(spec.commandLine(), "--clusters must be between 2 and 100");
      }
      Clusters.Result r = Clusters.of(dataset, k, seed);
      System.out.printf(java.util.Locale.ROOT, "labelled %d images by k-means into %d clusters%s%n", dataset.size(), k,
          Double.isNaN(r.purity()) ? "" : String.format(java.util.Locale.ROOT,
              " (purity against the true labels %.1f%%)", 100 * r.purity()));
      dataset = r.labelled();
    }
    Dataset chosen = dataset;
    GanModels.Spec s = resume ? null : parse(() -> customize(TrainingRun.defaults(kind, chosen, seed)).withData(data), "--model");
    Duration budget = minutes == null ? null : Duration.ofMillis(Math.round(minutes * 60_000));
    return new TrainingRun(s, chosen, folder, epochs, budget, stepsPerEpoch, resume, keepCheckpoints).run(System.out);
  }

  private GanModels.Spec customize(GanModels.Spec d) {
    GanConfig m = d.model();
    if (width != null) {
      m = new GanConfig(m.kind(), m.image(), m.latent(), width);
    }
    TrainConfig t = d.train();
    t = new TrainConfig(loss == null ? t.loss() : AdversarialLoss.parse(loss), dSteps == null ? t.dSteps() : dSteps,
        lr == null ? t.lrG() : lr, lr == null ? t.lrD() : lr, t.beta1(), t.beta2(), t.gpWeight(), t.infoWeight(),
        batch == null ? t.batch() : batch, t.seed());
    return new GanModels.Spec(m, t, d.data());
  }

  private <T> T parse(java.util.function.Supplier<T> f, String flag) {
    try {
      return f.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), flag + ": " + e.getMessage());
    }
  }
}
