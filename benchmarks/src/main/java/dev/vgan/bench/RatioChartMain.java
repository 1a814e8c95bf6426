package dev.vgan.bench;

import dev.vgan.engine.io.Json;
import dev.vgan.tools.render.RatioChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code RatioChartMain OUT.png RATIOS.json...}: the bar chart of benchmarks/compare/run, from the ratio
 * files its summaries write (a JSON list of {@code {label, ratio, target}} each).
 */
public final class RatioChartMain {
  private RatioChartMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: RatioChartMain OUT.png RATIOS.json...");
      System.exit(2);
    }
    List<RatioChart.Bar> bars = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      for (Object o : (List<?>) Json.parse(Files.readString(Path.of(args[i])))) {
        Map<?, ?> m = (Map<?, ?>) o;
        Object target = m.get("target");
        bars.add(new RatioChart.Bar((String) m.get("label"), ((Number) m.get("ratio")).doubleValue(),
            target == null ? null : ((Number) target).doubleValue()));
      }
    }
    RatioChart.write(bars, "vgan against its anchors (same machine, same run)", Path.of(args[0]));
    System.out.println("wrote " + args[0]);
  }
}
