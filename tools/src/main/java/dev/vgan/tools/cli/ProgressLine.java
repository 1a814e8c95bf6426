package dev.vgan.tools.cli;

import dev.vgan.models.train.TrainStats;
import dev.vgan.models.train.Trainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The training progress bar: epoch, a bar for the epoch, steps, images per second, time left in the epoch
 * and the latest D and G losses. On a terminal it redraws one line; in a log (no console) it prints a line
 * every ten seconds and at the end of each epoch instead, so CI logs stay readable.
 */
final class ProgressLine implements Trainer.Listener {
  private static final int WIDTH = 24;
  private final PrintStream out;
  private final boolean terminal;
  private final int stepsPerEpoch;
  private final int batch;
  private final int epochs;
  private long epochStart = System.nanoTime();
  private long lastPrint;
  private int stepInEpoch;

  /** {@code epochs}: the epoch count to show, 0 when training runs against a time budget instead. */
  ProgressLine(PrintStream out, boolean terminal, int stepsPerEpoch, int batch, int epochs) {
    this.out = out;
    this.terminal = terminal;
    this.stepsPerEpoch = stepsPerEpoch;
    this.batch = batch;
    this.epochs = epochs;
  }

  @Override
  public void onStep(long step, int epoch, TrainStats stats) {
    stepInEpoch++;
    long now = System.nanoTime();
    boolean last = stepInEpoch == stepsPerEpoch;
    if (terminal ? now - lastPrint > 100_000_000L || last : now - lastPrint > 10_000_000_000L || last) {
      lastPrint = now;
      String line = line(epoch, stats, now);
      if (terminal) {
        out.print("\r" + line + (last ? "\n" : ""));
      } else {
        out.println(line);
      }
      out.flush();
    }
  }

  @Override
  public void onEpoch(int epoch, Path checkpoint) {
    stepInEpoch = 0;
    epochStart = System.nanoTime();
  }

  String line(int epoch, TrainStats stats, long now) {
    double seconds = Math.max(1e-9, (now - epochStart) / 1e9);
    double rate = stepInEpoch * (double) batch / seconds;
    double left = (stepsPerEpoch - stepInEpoch) * seconds / stepInEpoch;
    int filled = (int) ((long) WIDTH * stepInEpoch / stepsPerEpoch);
    return String.format(Locale.ROOT, "epoch %d%s [%s%s] %d/%d  %.0f img/s  ETA %s  D %.3f  G %.3f", epoch,
        epochs > 0 ? "/" + epochs : "", "#".repeat(filled), ".".repeat(WIDTH - filled), stepInEpoch, stepsPerEpoch, rate, clock(left),
        stats.lossD(), stats.lossG());
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
