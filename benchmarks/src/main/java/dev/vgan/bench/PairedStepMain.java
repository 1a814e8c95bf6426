package dev.vgan.bench;

import dev.vgan.engine.core.Tensor;
import dev.vgan.models.dcgan.DcganStep;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two builds of vgan timed on W2's training step in one JVM, alternating A B B A every few steps: on a shared
 * host whose speed drifts by tens of percent within minutes, separate runs of the two builds (even
 * interleaved ones) compare the host's moods as much as the code, while two builds side by side see the same
 * host. Each build's engine and models load in their own class loader, with their own thread pool; the
 * figure is the median over rounds of the ratio of the two builds' median steps in that round.
 *
 * <p>Usage: {@code PairedStepMain THREADS ROUNDS A_ROOT B_ROOT} — each root a source tree whose
 * {@code engine/target/classes} and {@code models/target/classes} are built; {@code benchmarks/compare/ab-step}
 * builds them from two commits.
 */
public final class PairedStepMain {
  private static final int STEPS_PER_TURN = 5;
  private static final int WARM_UP_TURNS = 8;

  private PairedStepMain() {}

  /** W2's step (batch 64, Adam 2e-4/0.5/0.999) on one build: loaded by that build's class loader. */
  public static final class Step implements Runnable {
    private final DcganStep step;
    private final Tensor real;

    /** {@link TrainStepBench}'s step and batch, on {@code threads} threads. */
    public Step(int threads) {
      step = TrainStepBench.freshStep(threads);
      real = TrainStepBench.realBatch(64);
    }

    @Override
    public void run() {
      step.step(real);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: PairedStepMain THREADS ROUNDS A_ROOT B_ROOT");
      System.exit(2);
    }
    int threads = Integer.parseInt(args[0]), rounds = Integer.parseInt(args[1]);
    Runnable[] builds = {load(Path.of(args[2]), threads), load(Path.of(args[3]), threads)};
    for (int w = 0; w < WARM_UP_TURNS; w++) {
      for (Runnable b : builds) {
        turn(b);
      }
    }
    double[][] medians = new double[2][rounds];
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < 2; i++) {
        int build = r % 2 == 0 ? i : 1 - i;                     // A B, then B A
        medians[build][r] = turn(builds[build]);
      }
      ratios[r] = medians[0][r] / medians[1][r];
    }
    for (int i = 0; i < 2; i++) {
      System.out.printf("%s: step %s ms%n", args[2 + i], quartiles(medians[i], "%.1f"));
    }
    System.out.printf("A / B step time: %s over %d rounds of %d steps each, %d threads (above 1: B is faster)%n",
        quartiles(ratios, "%.3f"), rounds, STEPS_PER_TURN, threads);
  }

  /** The build under {@code root}, its classes in a loader of their own (not this JVM's class path). */
  private static Runnable load(Path root, int threads) throws Exception {
    URL[] urls = {root.resolve("engine/target/classes").toUri().toURL(),
        root.resolve("models/target/classes").toUri().toURL(),
        PairedStepMain.class.getProtectionDomain().getCodeSource().getLocation()};
    ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    return (Runnable) Class.forName(Step.class.getName(), true, loader).getConstructor(int.class)
        .newInstance(threads);
  }

  /** The median of {@link #STEPS_PER_TURN} steps, in ms. */
  private static double turn(Runnable build) {
    double[] ms = new double[STEPS_PER_TURN];
    for (int q = 0; q < ms.length; q++) {
      long t0 = System.nanoTime();
      build.run();
      ms[q] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms[ms.length / 2];
  }

  private static String quartiles(double[] values, String format) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return String.format("median " + format + " (quartiles " + format + "–" + format + ")", s[n / 2], s[n / 4],
        s[3 * n / 4]);
  }
}
