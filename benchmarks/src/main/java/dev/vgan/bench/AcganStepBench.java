package dev.vgan.bench;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.kernel.Parallel;
import dev.vgan.models.acgan.KerasAcgan;
import dev.vgan.models.acgan.KerasAcganStep;
import java.util.Arrays;
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
 * W4: one training step of the Keras MNIST ACGAN, batch 100 (D on 200 images, G through D on 200).
 * Figure: seconds per epoch = 600 steps × the step time; the example's own note says "CPU, TensorFlow:
 * 3 hours per epoch".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms6g", "-Xmx6g"})
public class AcganStepBench {
  /** Steps per epoch in the example (60,000 images / batch 100). */
  public static final int STEPS_PER_EPOCH = 600;

  @Param({"1", "2"})
  public int threads;

  @Param({"100"})
  public int batch;

  private KerasAcganStep step;
  private Tensor real;
  private int[] classes;

  @Setup
  public void setup() {
    real = Tensor.uniform(Rng.seeded(3), -1f, 1f, batch, 1, 28, 28);
    classes = new int[batch];
    for (int i = 0; i < batch; i++) {
      classes[i] = i % KerasAcgan.CLASSES;
    }
    // The step on 1 thread and on `threads` must agree bit for bit, and its losses must be finite.
    float[] one = freshStep(1).step(real, classes);
    step = freshStep(threads);
    float[] many = step.step(real, classes);
    if (!Float.isFinite(one[0]) || !Float.isFinite(one[1]) || !Arrays.equals(one, many)) {
      throw new IllegalStateException("W4 step: 1 thread gave " + Arrays.toString(one) + ", " + threads + " gave "
          + Arrays.toString(many) + "; refusing to time a wrong step");
    }
  }

  private KerasAcganStep freshStep(int t) {
    Parallel.setThreads(t);
    Rng rng = Rng.seeded(7);
    return new KerasAcganStep(new KerasAcgan.Generator(rng), new KerasAcgan.Discriminator(rng), rng);
  }

  @Benchmark
  public float[] step() {
    return step.step(real, classes);
  }
}
