package dev.vgan.bench;

import dev.vgan.engine.kernel.Backends;
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
 * W1 anchor: the plain Java triple loop a developer would write first, in i-k-j order so the inner loop
 * walks rows of B and C (the order C2 can auto-vectorize; i-j-k would be several times slower). One
 * thread. n up to 1024: at ~2 GFLOP/s n = 2048 would take seconds per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LoopGemmBench {
  @Param({"256", "512", "1024"})
  public int n;

  private float[] a, b, c;

  @Setup
  public void setup() {
    a = Check.random(1, n * n);
    b = Check.random(2, n * n);
    c = new float[n * n];
    multiply();
    int rows = Math.min(16, n);
    float[] ref = new float[rows * n];
    Backends.scalar().sgemm(false, false, rows, n, n, 1f, a, 0, n, b, 0, n, 0f, ref, 0, n);
    Check.close("loop gemm n=" + n, ref, 0, c, 0, rows * n, 1e-5 * Math.sqrt(n));
  }

  @Benchmark
  public float[] multiply() {
    java.util.Arrays.fill(c, 0f);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        float aik = a[i * n + k];
        for (int j = 0; j < n; j++) {
          c[i * n + j] += aik * b[k * n + j];
        }
      }
    }
    return c;
  }
}
