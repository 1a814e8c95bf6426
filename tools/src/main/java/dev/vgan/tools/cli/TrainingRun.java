package dev.vgan.tools.cli;

import dev.vgan.models.api.GanConfig;
import dev.vgan.models.api.GanKind;
import dev.vgan.models.api.Generator;
import dev.vgan.models.api.ImageSpec;
import dev.vgan.models.data.Dataset;
import dev.vgan.models.train.GanStep;
import dev.vgan.models.train.TrainConfig;
import dev.vgan.models.train.Trainer;
import dev.vgan.models.train.TrainingDivergedException;
import dev.vgan.models.zoo.GanModels;
import dev.vgan.tools.render.LossPlot;
import dev.vgan.tools.render.Png;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One training run as the CLI does it: build or resume the model, train with a progress line and a sample
 * grid per epoch, then write the progress GIF, the loss plot and the final grid, and say where they are.
 * Shared by {@code vgan train} and {@code vgan demo}.
 *
 * @param spec the model and its training settings (ignored when resuming: the checkpoint's are used)
 * @param data the training images
 * @param out the run's folder
 * @param epochs most epochs to train in this run
 * @param budget stop at an epoch's end before this much time has passed; null for none
 * @param stepsPerEpoch batches per epoch, 0 for whole passes over the data
 * @param resume continue from the checkpoint in {@code out}
 * @param keepCheckpoints copy each epoch's checkpoint to {@code checkpoints/epoch-NNN.safetensors}
 */
record TrainingRun(GanModels.Spec spec, Dataset data, Path out, int epochs, Duration budget, int stepsPerEpoch,
    boolean resume, boolean keepCheckpoints) {
  static final String GIF = "progress.gif";
  static final String PLOT = "losses.png";
  static final String FINAL = "samples.png";

  /** Checks that the data fits the model, trains, and writes the pictures; returns the exit code. */
  int run(PrintStream log) throws IOException {
    Path checkpoint = out.resolve(Trainer.CHECKPOINT);
    GanModels.Spec s = resume ? GanModels.spec(checkpoint) : spec;
    ImageSpec image = s.model().image();
    if (data.channels() != image.channels() || data.height() != image.height() || data.width() != image.width()) {
      throw new IllegalArgumentException("the data's images are " + data.channels() + "×" + data.height() + "×"
          + data.width() + " but the model makes " + image);
    }
    if (s.model().latent().conditional() && !data.labelled()) {
      throw new IllegalArgumentException(s.model().kind().id() + " needs labelled data");
    }
    GanStep step = GanModels.create(s);
    Trainer trainer = new Trainer(step, data, s.train().batch(), out, s.toJson()).stepsPerEpoch(stepsPerEpoch);
    if (resume) {
      trainer.resume();
      log.printf("resuming %s after epoch %d (step %d)%n", checkpoint, trainer.epochs(), trainer.steps());
    }
    Generator generator = (Generator) step.generator();
    EpochSamples samples = new EpochSamples(generator, s.train().seed() + 1, out);
    ProgressLine progress = new ProgressLine(log, System.console() != null, trainer.stepsPerEpoch(),
        s.train().batch(), budget == null ? trainer.epochs() + epochs : 0);
    GanConfig m = s.model();
    log.printf("training %s on %d images %s (%s), batch %d, %d steps per epoch%s -> %s%n", m.kind().id(), data.size(),
        image, m.latent(), s.train().batch(), trainer.stepsPerEpoch(),
        budget == null ? "" : ", at most " + ProgressLine.clock(budget.toSeconds()), out);
    try {
      trainer.train(epochs, budget, new Trainer.Listener() {
        @Override
        public void onStep(long n, int epoch, dev.vgan.models.train.TrainStats stats) {
          progress.onStep(n, epoch, stats);
        }

        @Override
        public void onEpoch(int epoch, Path file) {
          progress.onEpoch(epoch, file);
          samples.onEpoch(epoch, file);
          if (keepCheckpoints) {
            keep(file, epoch);
          }
        }
      });
    } catch (TrainingDivergedException e) {
      log.println();
      log.println("vgan: " + e.getMessage());
      return 1;
    }
    Png.write(samples.grid(), out.resolve(FINAL));
    boolean gif = samples.writeGif(out.resolve(GIF), 400);
    if (Files.exists(out.resolve(Trainer.LOSSES))) {
      LossPlot.write(out.resolve(Trainer.LOSSES), out.resolve(PLOT));
    }
    log.printf("done: %d epochs, %d steps%n", trainer.epochs(), trainer.steps());
    log.printf("  checkpoint  %s%n", checkpoint);
    log.printf("  samples     %s (per epoch in %s/)%n", out.resolve(FINAL), out.resolve(EpochSamples.FOLDER));
    if (gif) {
      log.printf("  progress    %s%n", out.resolve(GIF));
    }
    log.printf("  losses      %s and %s%n", out.resolve(PLOT), out.resolve(Trainer.LOSSES));
    return 0;
  }

  private void keep(Path checkpoint, int epoch) {
    try {
      Path dir = Files.createDirectories(out.resolve("checkpoints"));
      Files.copy(checkpoint, dir.resolve(String.format("epoch-%03d.safetensors", epoch)),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The spec for a fresh run of {@code kind} on {@code data}, with the family's defaults. */
  static GanModels.Spec defaults(GanKind kind, Dataset data, long seed) {
    ImageSpec image = new ImageSpec(data.channels(), data.height(), data.width());
    GanConfig model = GanModels.defaults(kind, image, data.labelled() ? data.classes() : 0);
    return new GanModels.Spec(model, TrainConfig.defaults(kind, seed));
  }
}
