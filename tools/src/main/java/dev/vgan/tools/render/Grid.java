package dev.vgan.tools.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Lays pictures out in rows, each scaled by a whole factor (nearest neighbour), with a gap between them. */
public final class Grid {
  private Grid() {}

  /**
   * {@code cells} (all the same size) in rows of {@code cols}, each drawn {@code scale} times larger, with
   * {@code gap} pixels of dark gray around and between them.
   */
  public static BufferedImage render(List<BufferedImage> cells, int cols, int scale, int gap) {
    if (cells.isEmpty() || cols < 1 || scale < 1 || gap < 0) {
      throw new IllegalArgumentException("grid: need cells, cols >= 1, scale >= 1, gap >= 0");
    }
    int cw = cells.get(0).getWidth() * scale, ch = cells.get(0).getHeight() * scale;
    int rows = (cells.size() + cols - 1) / cols;
    int columns = Math.min(cols, cells.size());
    BufferedImage out = new BufferedImage(gap + columns * (cw + gap), gap + rows * (ch + gap), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(new Color(40, 40, 40));
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      for (int i = 0; i < cells.size(); i++) {
        g.drawImage(cells.get(i), gap + (i % cols) * (cw + gap), gap + (i / cols) * (ch + gap), cw, ch, null);
      }
    } finally {
      g.dispose();
    }
    return out;
  }
}
