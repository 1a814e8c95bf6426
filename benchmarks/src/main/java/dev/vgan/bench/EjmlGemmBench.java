package dev.vgan.bench;

import dev.vgan.engine.kernel.Backends;
import java.util.concurrent.TimeUnit;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
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

/** W1 anchor: EJML's single-threaded float GEMM ({@code CommonOps_FDRM.mult}), the pure-Java reference point. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class EjmlGemmBench {
  @Param({"256", "512", "1024", "2048"})
  public int n;

  private FMatrixRMaj a, b, c;

  @Setup
  public void setup() {
    a = new FMatrixRMaj(n, n, true, Check.random(1, n * n));
    b = new FMatrixRMaj(n, n, true, Check.random(2, n * n));
    c = new FMatrixRMaj(n, n);
    CommonOps_FDRM.mult(a, b, c);
    int rows = Math.min(16, n);
    float[] ref = new float[rows * n];
    Backends.scalar().sgemm(false, false, rows, n, n, 1f, a.data, 0, n, b.data, 0, n, 0f, ref, 0, n);
    Check.close("ejml mult n=" + n, ref, 0, c.data, 0, rows * n, 1e-5 * Math.sqrt(n));
  }

  @Benchmark
  public FMatrixRMaj mult() {
    CommonOps_FDRM.mult(a, b, c);
    return c;
  }
}
