package dev.vgan.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JVM's FMA ceiling: 12 independent FMA chains on {@code SPECIES_PREFERRED}, nothing else — the 100%
 * line for every GFLOP/s figure. Run with JMH's {@code -t 2} for both cores.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PeakBench {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int CHAINS = 12;
  /** Steps scale with the width so one call is the same 38.4 MFLOP at 128, 256 or 512 bits. */
  private static final int STEPS = 1_600_000 / S.length();

  private float x, y;

  /** Floating-point operations of one call (an FMA is two): 38.4 million at every width. */
  public static double flops() {
    return 2.0 * CHAINS * 1_600_000;
  }

  @Setup
  public void setup() {
    x = 0.999999f;
    y = 1e-7f;
    // The answer check: every chain computes a·x + y STEPS times from a = 1, a geometric series.
    double expected = 1;
    for (int i = 0; i < STEPS; i++) {
      expected = expected * x + y;
    }
    float got = fmaChains() / (CHAINS * S.length());
    if (Math.abs(got - expected) > 1e-3 * expected) {
      throw new IllegalStateException("peak loop computed " + got + ", expected " + expected);
    }
  }

  @Benchmark
  public float fmaChains() {
    FloatVector xs = FloatVector.broadcast(S, x), ys = FloatVector.broadcast(S, y);
    FloatVector a0 = FloatVector.broadcast(S, 1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
    FloatVector a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
    for (int i = 0; i < STEPS; i++) {
      a0 = a0.fma(xs, ys);
      a1 = a1.fma(xs, ys);
      a2 = a2.fma(xs, ys);
      a3 = a3.fma(xs, ys);
      a4 = a4.fma(xs, ys);
      a5 = a5.fma(xs, ys);
      a6 = a6.fma(xs, ys);
      a7 = a7.fma(xs, ys);
      a8 = a8.fma(xs, ys);
      a9 = a9.fma(xs, ys);
      a10 = a10.fma(xs, ys);
      a11 = a11.fma(xs, ys);
    }
    FloatVector s = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11);
    return s.reduceLanes(VectorOperators.ADD);
  }
}
