package dev.vgan.bench;

import dev.vgan.engine.kernel.Backends;
import dev.vgan.engine.kernel.CacheSizes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./vgan bench [gemm|conv|step|infer|peak|all] [--threads N] [--quick]}: runs the JMH benchmarks
 * through the JMH API (sample mode) and prints each one's median call, GFLOP/s and the share of the FMA ceiling
 * measured in the same run.
 */
public final class BenchMain {
  private static final String USAGE = """
      Usage: vgan bench [gemm|conv|step|infer|sefa|peak|all] [--threads N] [--quick] [--json FILE]
        gemm     W1 SGEMM (n = 256..2048 and odd sizes; Aᵀ·B and A·Bᵀ at 1024)   (default)
        conv     the conv / conv-transpose layers of W2 and W4, forward and both backwards
        step     W2: one DCGAN-28 training step (images/s; batch 16, 64, 256 unless --quick);
                 W4: one Keras-ACGAN step, batch 100 (seconds per 600-step epoch)
        infer    W3: the W2 generator in eval mode, batch 1 and 64
        sefa     W5: SeFa directions of a 512x512 and W2's 12544x100 first projection (ms)
        peak     the JVM's FMA ceiling only
        all      everything
        --threads N  only this thread count (default: 1 and 2)
        --quick      fewer sizes, passes and iterations; W4 at the largest thread count only
                     (under two minutes on 2 cores)
        --json FILE  also write every row, with JMH's raw scores, as JSON""";

  private BenchMain() {}

  public static void main(String[] args) throws RunnerException, java.io.IOException {
    String what = "gemm";
    String threads = null;
    boolean quick = false;
    String json = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "gemm", "conv", "step", "infer", "sefa", "peak", "all" -> what = args[i];
        case "--quick" -> quick = true;
        case "--json" -> {
          if (i + 1 >= args.length) {
            usageError("--json needs a file name");
          }
          json = args[++i];
        }
        case "--threads" -> {
          if (i + 1 >= args.length || !args[i + 1].matches("[1-9][0-9]*")) {
            usageError("--threads needs a positive whole number");
          }
          threads = args[++i];
        }
        case "-h", "--help" -> {
          System.out.println(USAGE);
          return;
        }
        default -> usageError("unknown argument '" + args[i] + "'");
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    String[] threadCounts = threads != null ? new String[] {threads} : new String[] {"1", String.valueOf(Math.min(2, cores))};
    String backend = Backends.get().name();
    System.out.printf("JVM %s, %d cores, backend %s (vector width: %s), L2 %d KiB per core, threads %s%n%n",
        Runtime.version(), cores, backend, backend.startsWith("simd-") ? backend.substring(5) + " bits" : "scalar",
        CacheSizes.L2_BYTES >> 10, String.join(" and ", distinct(threadCounts)));

    List<Row> rows = new ArrayList<>();
    Map<Integer, Double> peak = new LinkedHashMap<>();
    for (String t : distinct(threadCounts)) {
      int n = Integer.parseInt(t);
      for (RunResult r : run(base(quick).include(PeakBench.class.getSimpleName()).threads(n))) {
        double gflops = n * PeakBench.flops() / (median(r) * 1e3);
        peak.put(n, gflops);
        rows.add(new Row("peak FMA", n + " thread" + (n > 1 ? "s" : ""), r, gflops, n));
      }
    }
    if (what.equals("gemm") || what.equals("all")) {
      ChainedOptionsBuilder o = base(quick).include(GemmBench.class.getSimpleName() + ".sgemm")
          .param("threads", threadCounts);
      o = quick ? o.param("n", "1024") : o;
      for (RunResult r : run(o)) {
        int n = Integer.parseInt(r.getParams().getParam("n"));
        rows.add(new Row("sgemm NN", "n=" + n, r, GemmBench.flops(n) / (median(r) * 1e6),
            Integer.parseInt(r.getParams().getParam("threads"))));
      }
      if (!quick) {
        for (RunResult r : run(base(false).include(GemmBench.class.getSimpleName() + ".sgemm")
            .param("threads", threadCounts).param("n", "1024").param("form", "TN", "NT"))) {
          rows.add(new Row("sgemm " + r.getParams().getParam("form"), "n=1024", r,
              GemmBench.flops(1024) / (median(r) * 1e6),
              Integer.parseInt(r.getParams().getParam("threads"))));
        }
      }
    }
    if (what.equals("conv") || what.equals("all")) {
      ChainedOptionsBuilder o = base(quick).include(ConvBench.class.getSimpleName()).param("threads", threadCounts);
      o = quick ? o.param("layer", "w2.g.convT1", "w2.d.conv2").param("pass", "forward") : o;
      for (RunResult r : run(o)) {
        var p = r.getParams();
        ConvLayer layer = ConvLayer.named(p.getParam("layer"));
        int batch = Integer.parseInt(p.getParam("batch"));
        rows.add(new Row(p.getParam("layer") + " " + p.getParam("pass"), "batch " + batch, r,
            layer.flops(batch) / (median(r) * 1e6), Integer.parseInt(p.getParam("threads"))));
      }
    }
    if (what.equals("step") || what.equals("all")) {
      ChainedOptionsBuilder o = base(quick).include(TrainStepBench.class.getSimpleName()).param("threads", threadCounts);
      o = quick ? o : o.param("batch", "16", "64", "256");
      for (RunResult r : run(o)) {
        int batch = Integer.parseInt(r.getParams().getParam("batch"));
        double ms = median(r);
        rows.add(new Row("W2 train step, batch " + batch, String.format("%.0f img/s", batch / ms * 1e3), r,
            batch * TrainStepBench.flopsPerImage() / (ms * 1e6), Integer.parseInt(r.getParams().getParam("threads"))));
      }
      // A W4 step takes seconds: in quick mode one warm-up and two measured iterations, at the largest thread
      // count only (at one thread a step takes 5 s on a slower host, which alone would break the time limit).
      ChainedOptionsBuilder w4 = base(quick).include(AcganStepBench.class.getSimpleName())
          .param("threads", quick ? new String[] {threadCounts[threadCounts.length - 1]} : threadCounts);
      for (RunResult r : run(quick ? w4.warmupIterations(1).measurementIterations(2) : w4)) {
        double ms = median(r);
        rows.add(new Row("W4 ACGAN step, batch 100", String.format("%.0f s/epoch", ms * AcganStepBench.STEPS_PER_EPOCH / 1e3),
            r, Double.NaN, Integer.parseInt(r.getParams().getParam("threads"))));
      }
    }
    if (what.equals("infer") || what.equals("all")) {
      for (RunResult r : run(base(quick).include(GeneratorBench.class.getSimpleName()).param("threads", threadCounts))) {
        int batch = Integer.parseInt(r.getParams().getParam("batch"));
        double ms = median(r) * 1e-3;
        String weights = r.getParams().getParam("weights");
        rows.add(new Row("W3 generator batch " + batch + ", " + weights,
            String.format("%.0f samples/s", batch / ms * 1e3), r,
            batch * GeneratorBench.flopsPerSample() / (ms * 1e6), Integer.parseInt(r.getParams().getParam("threads"))));
      }
    }
    if (what.equals("sefa") || what.equals("all")) {
      for (RunResult r : run(base(quick).include(SefaBench.class.getSimpleName()))) {
        rows.add(new Row("W5 SeFa top " + r.getParams().getParam("k"), r.getParams().getParam("shape"), r, Double.NaN, 0));
      }
    }
    print(rows, peak);
    if (json != null) {
      BenchJson.write(Path.of(json), rows.stream().map(r -> new BenchJson.Row(r.what, r.params, r.threads, r.result,
          r.gflops, peak.get(r.threads))).toList(), backend);
      System.out.println("\nwrote " + json);
    }
  }

  private record Row(String what, String params, RunResult result, double gflops, int threads) {}

  private static ChainedOptionsBuilder base(boolean quick) {
    // Sample mode, so that the table gives the median call, the statistic the compare scripts and their
    // anchors use: a noisy host's few slow calls pull a mean down.
    ChainedOptionsBuilder o = new OptionsBuilder().forks(1).shouldFailOnError(true).mode(Mode.SampleTime);
    if (quick) {
      o = o.warmupIterations(3).warmupTime(TimeValue.milliseconds(500)).measurementIterations(3)
          .measurementTime(TimeValue.milliseconds(500));
    }
    return o;
  }

  /** The median call, in the benchmark's output unit. */
  static double median(RunResult r) {
    return percentile(r, 50);
  }

  /** The {@code p}-th percentile of the calls (sample mode), in the benchmark's output unit. */
  static double percentile(RunResult r, double p) {
    return r.getPrimaryResult().getStatistics().getPercentile(p);
  }

  private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
    return new Runner(options.build()).run();
  }

  private static void print(List<Row> rows, Map<Integer, Double> peak) {
    System.out.printf("%n%-32s %-16s %-8s %12s %17s %10s %10s%n", "benchmark", "size", "threads", "median (ms)",
        "p10–p90 (ms)", "GFLOP/s", "of peak");
    for (Row r : rows) {
      var s = r.result.getPrimaryResult();
      double unitToMs = s.getScoreUnit().startsWith("us") ? 1e-3 : 1;
      Double ceiling = peak.get(r.threads);
      System.out.printf("%-32s %-16s %-8s %12.3f %8.3f–%-8.3f %10s %9s%n", r.what, r.params,
          r.threads == 0 ? "" : r.threads, median(r.result) * unitToMs, percentile(r.result, 10) * unitToMs,
          percentile(r.result, 90) * unitToMs, Double.isNaN(r.gflops) ? "" : String.format("%.1f", r.gflops),
          ceiling == null || Double.isNaN(r.gflops) ? "" : String.format("%.0f%%", 100 * r.gflops / ceiling));
    }
  }

  private static String[] distinct(String[] values) {
    return java.util.Arrays.stream(values).distinct().toArray(String[]::new);
  }

  private static void usageError(String message) {
    System.err.println("vgan bench: " + message);
    System.err.println(USAGE);
    System.exit(2);
  }
}
