package dev.vgan.tools.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionedGridTest {
  private static List<BufferedImage> cells(int n) {
    return Collections.nCopies(n, new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB));
  }

  private static int textPixels(BufferedImage im, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        n += (im.getRGB(x, y) & 0xff) > 120 ? 1 : 0;    // light text on the dark background
      }
    }
    return n;
  }

  @Test
  void captionsGetTheirOwnMarginsAndAreDrawn() {
    BufferedImage plain = Grid.render(cells(6), 3, 2, 2);
    BufferedImage captioned = CaptionedGrid.render(cells(6), 3, 2, 2, List.of("#1 λ 12.5", "#2 λ 3.1"),
        List.of("α -3.0", "α +0.0", "α +3.0"));
    int left = captioned.getWidth() - plain.getWidth(), top = captioned.getHeight() - plain.getHeight();
    assertTrue(left > 20 && top > 8, "margins " + left + " x " + top);
    assertTrue(textPixels(captioned, 0, top, left, captioned.getHeight()) > 20, "row captions drawn");
    assertTrue(textPixels(captioned, left, 0, captioned.getWidth(), top) > 20, "column captions drawn");
    assertEquals(0, textPixels(captioned, left, top, captioned.getWidth(), captioned.getHeight()), "cells untouched");
  }

  @Test
  void withoutCaptionsItIsThePlainGrid() {
    BufferedImage a = CaptionedGrid.render(cells(4), 2, 1, 2, List.of(), List.of());
    BufferedImage b = Grid.render(cells(4), 2, 1, 2);
    assertEquals(b.getWidth(), a.getWidth());
    assertEquals(b.getHeight(), a.getHeight());
  }

  @Test
  void theWrongNumberOfCaptionsIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> CaptionedGrid.render(cells(4), 2, 1, 2, List.of("only one"), List.of()));
  }

  @Test
  void longColumnCaptionsShrinkUntilTheyFitTheirColumn() {
    List<String> captions = List.of("α -2.00", "α -1.33", "α -0.67", "α +0.00", "α +0.67", "α +1.33", "α +2.00");
    BufferedImage im = CaptionedGrid.render(cells(7), 7, 1, 2, List.of(), captions);
    int top = im.getHeight() - Grid.render(cells(7), 7, 1, 2).getHeight();
    for (int c = 1; c < 7; c++) {
      int boundary = 2 + c * 30;                          // the gap between columns c-1 and c
      assertEquals(0, textPixels(im, boundary - 1, 0, boundary + 1, top), "captions touch at column " + c);
    }
  }
}
