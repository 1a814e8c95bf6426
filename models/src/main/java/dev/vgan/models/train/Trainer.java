package dev.vgan.models.train;

import dev.vgan.engine.io.AtomicFiles;
import dev.vgan.models.checkpoint.Checkpoint;
import dev.vgan.models.data.Batches;
import dev.vgan.models.data.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs epochs of a {@link GanStep} over a dataset: a seeded shuffle per epoch, full batches, a listener
 * told of every step and epoch, and after each epoch a checkpoint ({@code checkpoint.safetensors}) and the
 * loss log ({@code losses.csv}), both written atomically. A NaN or infinite loss stops training with
 * {@link TrainingDivergedException}, leaving the last good checkpoint as it was.
 */
public final class Trainer {
  /** The checkpoint's file name in the output folder. */
  public static final String CHECKPOINT = "checkpoint.safetensors";
  /** The loss log's file name in the output folder. */
  public static final String LOSSES = "losses.csv";

  /** Told of progress; every method has a default that does nothing. */
  public interface Listener {
    /** After each step. */
    default void onStep(long step, int epoch, TrainStats stats) {}

    /** After each epoch, once its checkpoint is written. */
    default void onEpoch(int epoch, Path checkpoint) {}
  }

  private final GanStep step;
  private final Batches batches;
  private final Path out;
  private final String config;
  private final StringBuilder log = new StringBuilder("step,epoch,loss_d,loss_g\n");
  private long steps;
  private int epochs;

  /**
   * Trains {@code step} on {@code data} in batches of {@code batchSize}, shuffled with the step's Rng,
   * writing into {@code out}; {@code config} (JSON) is stored in every checkpoint.
   */
  public Trainer(GanStep step, Dataset data, int batchSize, Path out, String config) {
    this.step = step;
    this.batches = new Batches(data, batchSize, step.rng());
    this.out = out;
    this.config = config;
  }

  /** Continues from the checkpoint in {@code out}: weights, optimizers, Rng, counters and the loss log. */
  public void resume() throws IOException {
    Checkpoint.Progress p = Checkpoint.restore(out.resolve(CHECKPOINT), step.generator(), step.discriminator(),
        step.optimizerG(), step.optimizerD());
    step.rng().setState(p.rngState());
    steps = p.step();
    epochs = p.epoch();
    Path losses = out.resolve(LOSSES);
    if (Files.exists(losses)) {
      log.setLength(0);
      log.append(Files.readString(losses));
    }
  }

  /** Trains {@code count} more epochs. */
  public void train(int count, Listener listener) throws IOException {
    Files.createDirectories(out);
    for (int e = 0; e < count; e++) {
      batches.shuffle();
      for (int b = 0; b < batches.perEpoch(); b++) {
        TrainStats s = step.step(batches.batch(b), steps);
        steps++;
        if (!s.finite()) {
          Path good = out.resolve(CHECKPOINT);
          throw new TrainingDivergedException(steps, s, Files.exists(good) ? good : null);
        }
        log.append(steps).append(',').append(epochs + 1).append(',').append(s.lossD()).append(',')
            .append(s.lossG()).append('\n');
        listener.onStep(steps, epochs + 1, s);
      }
      epochs++;
      Path checkpoint = out.resolve(CHECKPOINT);
      Checkpoint.save(checkpoint, step.generator(), step.discriminator(), step.optimizerG(), step.optimizerD(),
          new Checkpoint.Progress(config, step.rng().state(), steps, epochs));
      byte[] csv = log.toString().getBytes(StandardCharsets.UTF_8);
      AtomicFiles.write(out.resolve(LOSSES), o -> o.write(csv));
      listener.onEpoch(epochs, checkpoint);
    }
  }

  /** Steps done so far (including resumed ones). */
  public long steps() {
    return steps;
  }

  /** Epochs done so far. */
  public int epochs() {
    return epochs;
  }
}
