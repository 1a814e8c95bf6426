package dev.vgan.bench;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Inference;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.kernel.FrozenWeights;
import dev.vgan.engine.kernel.Parallel;
import dev.vgan.engine.nn.Sequential;
import dev.vgan.models.dcgan.Dcgan28;
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
 * W3: the W2 generator in evaluation mode without gradients, run as an application would: through
 * {@link Inference}, which recycles the intermediate tensors' storage from one call to the next. Figures:
 * latency at batch 1 and samples/s at batch 64, with the weights packed per call ({@code live}: what a
 * generator still being trained gets) and packed once and kept ({@code frozen}: {@link FrozenWeights}, what a
 * served, trained generator gets).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class GeneratorBench {
  @Param({"1", "64"})
  public int batch;

  @Param({"1", "2"})
  public int threads;

  @Param({"live", "frozen"})
  public String weights;

  private Sequential generator;
  private Tensor z;
  private final Inference inference = new Inference();
  private FrozenWeights frozen;

  @Setup
  public void setup() {
    Parallel.setThreads(threads);
    Rng rng = Rng.seeded(11);
    generator = Dcgan28.generator(rng);
    generator.forward(Tensor.randn(rng, 64, Dcgan28.Z));         // non-trivial running statistics
    generator.eval();
    frozen = new FrozenWeights(generator.parameters().stream().map(p -> p.value().data()).toList());
    z = Tensor.randn(Rng.seeded(5), batch, Dcgan28.Z);
    // Evaluation output must not depend on the batch: each sample alone equals its row of the batch.
    float[] all = sample().data();
    float[] plain;
    try (var s = Autograd.noGrad()) {
      plain = generator.forward(z).data();
    }
    Check.close("recycled storage vs plain forward", plain, 0, sample().data(), 0, plain.length, 0);
    Check.close("kept packed weights vs packed per call", plain, 0,
        inference.run(() -> frozen.run(() -> generator.forward(z))).data(), 0, plain.length, 0);
    int per = all.length / batch;
    for (int i : new int[] {0, batch - 1}) {
      Tensor one = Tensor.of(Arrays.copyOfRange(z.data(), i * Dcgan28.Z, (i + 1) * Dcgan28.Z), 1, Dcgan28.Z);
      float[] alone;
      try (var s = Autograd.noGrad()) {
        alone = generator.forward(one).data();
      }
      Check.close("generator sample " + i, alone, 0, all, i * per, per, 1e-5);
    }
  }

  /** Multiply-add FLOPs of the generator per sample: its Linear and its two ConvTranspose2d passes. */
  static double flopsPerSample() {
    return 2.0 * Dcgan28.Z * 256 * 7 * 7 + ConvLayer.named("w2.g.convT1").flops(1)
        + ConvLayer.named("w2.g.convT2").flops(1);
  }

  @Benchmark
  public Tensor sample() {
    return weights.equals("frozen") ? inference.run(() -> frozen.run(() -> generator.forward(z)))
        : inference.run(() -> generator.forward(z));
  }
}
