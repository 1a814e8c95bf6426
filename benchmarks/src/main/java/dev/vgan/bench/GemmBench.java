package dev.vgan.bench;

import dev.vgan.engine.kernel.Backends;
import dev.vgan.engine.kernel.KernelBackend;
import dev.vgan.engine.kernel.Parallel;
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
 * W1: square SGEMM {@code C = A·B}, float32 row-major, plus the transposed forms backward passes use.
 * Figure: GFLOP/s = 2n³ / time. 1000 and 1023 are not multiples of the vector width.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBench {
  @Param({"256", "512", "1000", "1023", "1024", "2048"})
  public int n;

  @Param({"1", "2"})
  public int threads;

  /** {@code NN} = A·B, {@code TN} = Aᵀ·B, {@code NT} = A·Bᵀ. */
  @Param({"NN"})
  public String form;

  private KernelBackend backend;
  private boolean transA, transB;
  private float[] a, b, c;

  /** Floating-point operations of one call. */
  public static double flops(int n) {
    return 2.0 * n * n * n;
  }

  @Setup
  public void setup() {
    backend = Backends.get();
    Parallel.setThreads(threads);
    transA = form.charAt(0) == 'T';
    transB = form.charAt(1) == 'T';
    a = Check.random(1, n * n);
    b = Check.random(2, n * n);
    c = new float[n * n];
    backend.sgemm(transA, transB, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
    // Check the first and last 16 rows against the scalar reference (the whole product would take the
    // scalar loop seconds at n = 2048).
    for (int row0 : new int[] {0, Math.max(0, n - 16)}) {
      int rows = Math.min(16, n);
      float[] ref = new float[rows * n];
      int aOff = transA ? row0 : row0 * n;
      Backends.scalar().sgemm(transA, transB, rows, n, n, 1f, a, aOff, n, b, 0, n, 0f, ref, 0, n);
      Check.close("sgemm " + form + " n=" + n, ref, 0, c, row0 * n, rows * n, 1e-5 * Math.sqrt(n));
    }
  }

  @Benchmark
  public float[] sgemm() {
    backend.sgemm(transA, transB, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
    return c;
  }
}
