package dev.vgan.tools.cli;

import dev.vgan.models.api.GanKind;
import dev.vgan.models.data.DataSources;
import dev.vgan.models.data.Dataset;
import dev.vgan.models.train.Trainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The embedded default job: trains a conditional GAN for a few minutes on the best data at hand
 * (Fashion-MNIST when installed, else the built-in sprites) and writes a sample grid, the training-progress
 * GIF and the loss plot into {@code out/demo/}, then an interpolation GIF and a SeFa grid of the trained model.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Train a conditional GAN for about three minutes (Fashion-MNIST when installed, else the built-in "
        + "sprites) and write samples, a progress GIF, a loss plot, an interpolation GIF and a SeFa grid into out/demo/.")
final class DemoCommand implements Callable<Integer> {
  static final String PREFERRED = "fashion-mnist";

  @Spec CommandSpec spec;

  @Option(names = "--minutes", defaultValue = "3", description = "Training time (default ${DEFAULT-VALUE}).")
  double minutes;

  @Option(names = "--data", description = "Train on this dataset instead (default: fashion-mnist if found, else sprites).")
  String data;

  @Option(names = "--steps-per-epoch", defaultValue = "100",
      description = "Batches between sample grids (default ${DEFAULT-VALUE}).")
  int stepsPerEpoch;

  @Option(names = "--out", defaultValue = "out/demo", description = "Where the pictures go (default ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!(minutes > 0) || stepsPerEpoch < 1) {
      throw new ParameterException(spec.commandLine(), "--minutes must be > 0 and --steps-per-epoch >= 1");
    }
    String name = data != null ? data : bestAtHand();
    Dataset dataset = DataSources.open(name, DataSources.Split.TRAIN);
    var run = new TrainingRun(TrainingRun.defaults(GanKind.CGAN, dataset, 0).withData(name), dataset, out, 100_000,
        Duration.ofMillis(Math.round(minutes * 60_000)), stepsPerEpoch, false, false);
    int code = run.run(System.out);
    return code != 0 ? code : explore(dataset.classes());
  }

  /** The latent-space pictures of the trained model, made by the same commands a user would run. */
  private int explore(int classes) {
    String ckpt = out.resolve(Trainer.CHECKPOINT).toString();
    String last = Integer.toString(classes - 1);
    int code = Main.run("interpolate", "--checkpoint", ckpt, "--from", "3", "--to", "4", "--through", "5",
        "--label-from", "0", "--label-to", last, "--steps", "12", "--ping-pong", "--out",
        out.resolve("interpolation.gif").toString());
    if (code == 0) {
      code = Main.run("directions", "--checkpoint", ckpt, "--method", "sefa", "--label", "0", "--k", "5",
          "--out", out.resolve("sefa.png").toString(), "--save", out.resolve("sefa.json").toString());
    }
    return code;
  }

  private static String bestAtHand() {
    if (DataSources.isLocal(PREFERRED)) {
      return PREFERRED;
    }
    System.out.println("vgan demo: " + PREFERRED + " is not installed (apt-get install dataset-fashion-mnist); "
        + "using the built-in sprites");
    return DataSources.SPRITES;
  }
}
