package dev.vgan.bench;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.kernel.Parallel;
import dev.vgan.engine.optim.AdamConfig;
import dev.vgan.models.dcgan.Dcgan28;
import dev.vgan.models.dcgan.DcganStep;
import dev.vgan.models.train.TrainStats;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W2: one DCGAN-28 training step (D update on real + detached fakes, G update on fresh fakes, Adam
 * 2e-4/0.5/0.999). Figure: images/s = batch / step time. Run with {@code -prof gc} for bytes per step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class TrainStepBench {
  @Param({"1", "2"})
  public int threads;

  @Param({"64"})
  public int batch;

  private DcganStep step;
  private Tensor real;

  @Setup
  public void setup() {
    // The same step on 1 thread and on `threads` must agree bit for bit (no kernel's arithmetic depends
    // on the thread count or on whether the JIT has compiled it yet).
    TrainStats one = freshStep(1).step(realBatch(batch));
    step = freshStep(threads);
    real = realBatch(batch);
    TrainStats many = step.step(real);
    if (!one.finite() || one.lossD() != many.lossD() || one.lossG() != many.lossG()) {
      throw new IllegalStateException("train step: 1 thread gave " + one + ", " + threads + " gave " + many
          + "; refusing to time a wrong step");
    }
  }

  /** A fresh W2 step (seeded generator and discriminator, Adam 2e-4/0.5/0.999) on {@code t} threads. */
  static DcganStep freshStep(int t) {
    Parallel.setThreads(t);
    Rng rng = Rng.seeded(7);
    return new DcganStep(Dcgan28.generator(rng), Dcgan28.discriminator(rng), Dcgan28.Z,
        AdamConfig.of(2e-4f, 0.5f, 0.999f), rng);
  }

  /** The "real" images every W2 step is timed on: seeded, uniform in [-1, 1]. */
  static Tensor realBatch(int batch) {
    return Tensor.uniform(Rng.seeded(3), -1f, 1f, batch, 1, 28, 28);
  }

  /**
   * Multiply-add FLOPs of one step per image, counted layer by layer: G forward twice (54.7 M each), D
   * forward three times (13.3 M each), D backward on real and on fakes (26.1 M each: weights and the
   * input of conv2), and the G update's backward (D frozen: 13.3 M to reach G's output, then 106.9 M
   * through G). Batch norm, activations and Adam are not counted.
   */
  static double flopsPerImage() {
    double gForward = GeneratorBench.flopsPerSample();
    double gBackward = 2 * (ConvLayer.named("w2.g.convT1").flops(1) + ConvLayer.named("w2.g.convT2").flops(1))
        + 2.0 * Dcgan28.Z * 256 * 7 * 7;                               // convolutions' two passes, Linear's weight
    double dConv1 = ConvLayer.named("w2.d.conv1").flops(1), dConv2 = ConvLayer.named("w2.d.conv2").flops(1);
    double dLinear = 2.0 * 6272;
    double dForward = dConv1 + dConv2 + dLinear;
    double dBackwardForD = dConv1 + 2 * dConv2 + 2 * dLinear;          // weights, and conv2's input
    return 2 * gForward + 3 * dForward + 2 * dBackwardForD + (dForward + gBackward);
  }

  @Benchmark
  public TrainStats step() {
    return step.step(real);
  }
}
