package dev.vgan.tools.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * The loss plot of a run: D and G loss per step from the trainer's {@code losses.csv}, each also smoothed
 * with a moving average (raw losses of a GAN are noisy), drawn with XChart.
 */
public final class LossPlot {
  private LossPlot() {}

  /** Reads {@code csv} (step, epoch, loss_d, loss_g) and writes the plot to {@code png}. */
  public static void write(Path csv, Path png) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    int n = lines.size() - 1;
    if (n < 1) {
      throw new IOException(csv + ": no losses to plot");
    }
    double[] step = new double[n], d = new double[n], g = new double[n];
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i + 1).split(",");
      if (f.length < 4) {
        throw new IOException(csv + ": line " + (i + 2) + " has " + f.length + " fields, expected 4");
      }
      try {
        step[i] = Double.parseDouble(f[0]);
        d[i] = Double.parseDouble(f[2]);
        g[i] = Double.parseDouble(f[3]);
      } catch (NumberFormatException e) {
        throw new IOException(csv + ": line " + (i + 2) + ": " + e.getMessage());
      }
    }
    XYChart chart = new XYChartBuilder().width(900).height(450).title("Training losses")
        .xAxisTitle("step").yAxisTitle("loss").build();
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    int window = Math.max(1, n / 50);
    add(chart, "D", step, d, new Color(120, 160, 230), window);
    add(chart, "G", step, g, new Color(240, 160, 100), window);
    BufferedImage image = org.knowm.xchart.BitmapEncoder.getBufferedImage(chart);
    Png.write(image, png);
  }

  private static void add(XYChart chart, String name, double[] x, double[] y, Color color, int window) {
    XYSeries raw = chart.addSeries(name, x, y);
    raw.setLineColor(color);
    if (window > 1) {
      XYSeries smooth = chart.addSeries(name + " (mean of " + window + ")", x, movingAverage(y, window));
      smooth.setLineColor(color.darker().darker());
    }
  }

  static double[] movingAverage(double[] y, int window) {
    double[] out = new double[y.length];
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      sum += y[i];
      if (i >= window) {
        sum -= y[i - window];
      }
      out[i] = sum / Math.min(i + 1, window);
    }
    return out;
  }
}
