package dev.vgan.tools.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A {@link Grid} with a caption left of every row and above every column (direction and eigenvalue, α,
 * labels). Text uses the JDK's logical sans-serif font, sized to the cells (smaller when column captions
 * would collide), so it needs no font file and scales with any resolution.
 */
public final class CaptionedGrid {
  private static final Color TEXT = new Color(225, 225, 225);
  private static final Color BACKGROUND = new Color(40, 40, 40);
  private static final int MIN_FONT = 7;

  private CaptionedGrid() {}

  /**
   * {@code cells} in rows of {@code cols} as {@link Grid#render} draws them, with {@code rowCaptions}
   * (one per row, or empty for none) and {@code colCaptions} (one per column, or empty).
   */
  public static BufferedImage render(List<BufferedImage> cells, int cols, int scale, int gap,
      List<String> rowCaptions, List<String> colCaptions) {
    BufferedImage grid = Grid.render(cells, cols, scale, gap);
    int rows = (cells.size() + cols - 1) / cols, columns = Math.min(cols, cells.size());
    if (!rowCaptions.isEmpty() && rowCaptions.size() != rows || !colCaptions.isEmpty() && colCaptions.size() != columns) {
      throw new IllegalArgumentException("captions: " + rowCaptions.size() + " for " + rows + " rows, "
          + colCaptions.size() + " for " + columns + " columns");
    }
    int cw = cells.get(0).getWidth() * scale, ch = cells.get(0).getHeight() * scale;
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, Math.min(18, ch / 4)));
    FontMetrics fm = metrics(font);
    while (!colCaptions.isEmpty() && widest(fm, colCaptions) > cw + gap - 2 && font.getSize() > MIN_FONT) {
      font = font.deriveFont((float) font.getSize() - 1);                 // column captions must not collide
      fm = metrics(font);
    }
    int left = rowCaptions.isEmpty() ? 0 : widest(fm, rowCaptions) + 2 * gap + 4;
    int top = colCaptions.isEmpty() ? 0 : fm.getHeight() + gap + 2;
    BufferedImage out = new BufferedImage(left + grid.getWidth(), top + grid.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.drawImage(grid, left, top, null);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(font);
      g.setColor(TEXT);
      for (int r = 0; r < rowCaptions.size(); r++) {
        int cy = top + gap + r * (ch + gap) + ch / 2;
        String s = rowCaptions.get(r);
        g.drawString(s, left - gap - 2 - fm.stringWidth(s), cy + (fm.getAscent() - fm.getDescent()) / 2);
      }
      for (int c = 0; c < colCaptions.size(); c++) {
        String s = colCaptions.get(c);
        int cx = left + gap + c * (cw + gap) + cw / 2;
        g.drawString(s, cx - fm.stringWidth(s) / 2, top - 2 - fm.getDescent());
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  private static FontMetrics metrics(Font font) {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      return g.getFontMetrics(font);
    } finally {
      g.dispose();
    }
  }

  private static int widest(FontMetrics fm, List<String> texts) {
    int w = 0;
    for (String s : texts) {
      w = Math.max(w, fm.stringWidth(s));
    }
    return w;
  }
}
