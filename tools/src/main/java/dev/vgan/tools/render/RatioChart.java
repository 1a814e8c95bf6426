package dev.vgan.tools.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * The benchmark report's bar chart: one bar per comparison (vgan's speed over an anchor's, measured in
 * the same run), green where it meets its target (or parity when it has none), orange where vgan is
 * behind, with the 1× line drawn across. Drawn with XChart, written atomically.
 */
public final class RatioChart {
  private static final Color MEETS = new Color(80, 170, 100);
  private static final Color BEHIND = new Color(235, 140, 60);

  private RatioChart() {}

  /**
   * One bar.
   *
   * @param label what is compared, e.g. "W1 n=1024 2t vs OpenBLAS"
   * @param ratio vgan's speed / the anchor's (above 1: vgan is faster)
   * @param target the ratio wanted, or null for none (then parity counts)
   */
  public record Bar(String label, double ratio, Double target) {
    /** Whether the ratio reaches the target, or 1 without one. */
    public boolean meets() {
      return ratio >= (target == null ? 1.0 : target);
    }
  }

  /** Draws {@code bars} under {@code title} into {@code png}. */
  public static void write(List<Bar> bars, String title, Path png) throws IOException {
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("ratio chart: no bars");
    }
    CategoryChart chart = new CategoryChartBuilder().width(Math.max(700, 95 * bars.size())).height(600).title(title)
        .yAxisTitle("vgan speed / anchor speed (same run)").build();
    Styler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setXAxisLabelRotation(60);
    chart.getStyler().setYAxisMin(0.0);
    List<String> labels = new ArrayList<>();
    List<Double> meets = new ArrayList<>(), behind = new ArrayList<>(), parity = new ArrayList<>();
    for (Bar b : bars) {
      labels.add(b.label());
      meets.add(b.meets() ? b.ratio() : 0.0);
      behind.add(b.meets() ? 0.0 : b.ratio());
      parity.add(1.0);
    }
    if (bars.stream().anyMatch(Bar::meets)) {
      chart.addSeries("meets its target (or parity)", labels, meets).setFillColor(MEETS);
    }
    if (!bars.stream().allMatch(Bar::meets)) {
      chart.addSeries("behind", labels, behind).setFillColor(BEHIND);
    }
    CategorySeries line = chart.addSeries("1× (as fast as the anchor)", labels, parity);
    line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    line.setLineColor(Color.DARK_GRAY);
    line.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
    BufferedImage image = BitmapEncoder.getBufferedImage(chart);
    Png.write(image, png);
  }
}
