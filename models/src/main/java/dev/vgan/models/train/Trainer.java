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
  private int stepsPerEpoch;

  /**
   * Trains {@code step} on {@code data} in batches of {@code batchSize}, shuffled with the step's Rng,
   * writing into {@code out}; {@code config} (JSON) is stored in every checkpoint.
   */
  public Trainer(GanStep step, Dataset data, int batchSize, Path out, String config) {
    this.step = step;
    this.batches = new Batches(data, batchSize, step.rng());
    this.out = out;
    this.config = config;
    this.stepsPerEpoch = batches.perEpoch();
  }

  /**
   * Makes an epoch the first {@code limit} batches of each shuffle instead of all of them (Keras's
   * {@code steps_per_epoch}): for more frequent sample grids and checkpoints on a large dataset. A value
   * of 0, or more than the dataset holds, means whole epochs.
   */
  public Trainer stepsPerEpoch(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("steps per epoch must be >= 0, got " + limit);
    }
    stepsPerEpoch = limit == 0 ? batches.perEpoch() : Math.min(limit, batches.perEpoch());
    return this;
  }

  /** Batches per epoch. */
  public int stepsPerEpoch() {
    return stepsPerEpoch;
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
    train(count, null, listener);
  }

  /**
   * Trains up to {@code count} more epochs, and with a {@code budget} stops at the end of an epoch when
   * another one of the same length would overrun it (so the last checkpoint is always at an epoch's end).
   */
  public void train(int count, java.time.Duration budget, Listener listener) throws IOException {
    Files.createDirectories(out);
    long start = System.nanoTime();
    for (int e = 0; e < count; e++) {
      long epochStart = System.nanoTime();
      batches.shuffle();
      for (int b = 0; b < stepsPerEpoch; b++) {
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
      long now = System.nanoTime();
      if (budget != null && now - start + (now - epochStart) > budget.toNanos()) {
        return;
      }
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
