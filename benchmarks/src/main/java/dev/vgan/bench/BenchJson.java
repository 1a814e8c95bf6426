package dev.vgan.bench;

import dev.vgan.engine.io.AtomicFiles;
import dev.vgan.engine.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/**
 * {@code vgan bench --json FILE}: the table's rows (median, p10, p90 and mean call) with JMH's per-iteration means
 * and the machine.
 */
final class BenchJson {
  private BenchJson() {}

  /** One printed row and the JMH result behind it; {@code peakGflops} may be null. */
  record Row(String what, String size, int threads, RunResult result, double gflops, Double peakGflops) {}

  static void write(Path file, List<Row> rows, String backend) throws IOException {
    List<Object> out = new ArrayList<>();
    for (Row r : rows) {
      var s = r.result().getPrimaryResult();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("benchmark", r.what());
      m.put("size", r.size());
      m.put("threads", r.threads());
      m.put("median", BenchMain.median(r.result()));
      m.put("p10", BenchMain.percentile(r.result(), 10));
      m.put("p90", BenchMain.percentile(r.result(), 90));
      m.put("mean", s.getScore());
      m.put("error", Double.isFinite(s.getScoreError()) ? s.getScoreError() : null);
      m.put("unit", s.getScoreUnit());
      List<Object> raw = new ArrayList<>();
      r.result().getBenchmarkResults().forEach(b -> b.getIterationResults()
          .forEach(it -> raw.add(it.getPrimaryResult().getScore())));
      m.put("iterations", raw);
      m.put("gflops", Double.isFinite(r.gflops()) ? r.gflops() : null);
      m.put("peak_gflops", r.peakGflops());
      Map<String, Object> params = new LinkedHashMap<>();
      var p = r.result().getParams();
      for (String key : p.getParamsKeys()) {
        params.put(key, p.getParam(key));
      }
      m.put("params", params);
      out.add(m);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("jvm", Runtime.version().toString());
    doc.put("cores", Runtime.getRuntime().availableProcessors());
    doc.put("backend", backend);
    doc.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    doc.put("results", out);
    AtomicFiles.write(file, o -> o.write(Json.write(doc).getBytes(StandardCharsets.UTF_8)));
  }
}
