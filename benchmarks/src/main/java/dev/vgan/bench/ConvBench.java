package dev.vgan.bench;

import dev.vgan.engine.kernel.Backends;
import dev.vgan.engine.kernel.ConvLowering;
import dev.vgan.engine.kernel.KernelBackend;
import dev.vgan.engine.kernel.Parallel;
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
 * The conv and conv-transpose layers of W2 and W4 (see {@link ConvLayer}), each pass of each layer:
 * {@code forward}, {@code backwardData}, {@code backwardWeight} — for a ConvTranspose2d these are its own
 * passes, not the lowered convolution's. Figure: GFLOP/s of the layer's arithmetic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ConvBench {
  @Param({"w2.g.convT1", "w2.g.convT2", "w2.d.conv1", "w2.d.conv2", "w4.g.conv1", "w4.g.conv2",
      "w4.g.conv1.subpixel", "w4.g.conv2.subpixel", "w4.d.conv1", "w4.d.conv2", "w4.d.conv3", "w4.d.conv4"})
  public String layer;

  @Param({"forward", "backwardData", "backwardWeight"})
  public String pass;

  @Param({"64"})
  public int batch;

  @Param({"2"})
  public int threads;

  private KernelBackend backend;
  private ConvLayer spec;
  private String lowered;
  private float[] image, weight, output, target;

  @Setup
  public void setup() {
    backend = Backends.get();
    Parallel.setThreads(threads);
    spec = ConvLayer.named(layer);
    // A transposed layer's forward is the lowered convolution's backward-data and vice versa; its weight
    // gradient is the lowered convolution's (its input plays the convolution's output gradient).
    lowered = !spec.transposed() ? pass : switch (pass) {
      case "forward" -> "backwardData";
      case "backwardData" -> "forward";
      default -> pass;
    };
    image = Check.random(1, spec.imageElements(batch));
    weight = Check.random(2, spec.outChannels() * spec.geometry().colRows());
    output = Check.random(3, spec.outputElements(batch));
    target = new float[switch (lowered) {
      case "forward" -> spec.outputElements(batch);
      case "backwardData" -> spec.imageElements(batch);
      default -> weight.length;
    }];
    // One image on the scalar reference and on the backend under test: the same code path as a batch.
    float[] reference = new float[target.length], fresh = new float[target.length];
    run(Backends.scalar(), 1, reference);
    run(backend, 1, fresh);
    Check.close(layer + " " + pass, reference, 0, fresh, 0, reference.length,
        1e-5 * Math.sqrt(spec.geometry().colRows()));
  }

  /** One pass over {@code images} images into {@code into} (zeroed first where the pass accumulates). */
  private void run(KernelBackend k, int images, float[] into) {
    var g = spec.geometry();
    int out = spec.outChannels();
    switch (lowered) {
      case "forward" -> ConvLowering.forward(k, g, images, out, image, 0, weight, 0, into, 0);
      case "backwardData" -> {
        Arrays.fill(into, 0f);
        ConvLowering.backwardData(k, g, images, out, weight, 0, output, 0, into, 0);
      }
      default -> {
        Arrays.fill(into, 0f);
        ConvLowering.backwardWeight(k, g, images, out, image, 0, output, 0, into, 0);
      }
    }
  }

  @Benchmark
  public float[] pass() {
    run(backend, batch, target);
    return target;
  }
}
