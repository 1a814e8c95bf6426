package dev.vgan.tools.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatioChartTest {
  @TempDir Path dir;

  private static boolean has(BufferedImage im, int rgb) {
    for (int y = 0; y < im.getHeight(); y++) {
      for (int x = 0; x < im.getWidth(); x++) {
        if ((im.getRGB(x, y) & 0xffffff) == rgb) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void barsThatMeetTheirTargetAreGreenAndTheOthersOrange() throws Exception {
    assertTrue(new RatioChart.Bar("a", 1.2, 1.0).meets());
    assertFalse(new RatioChart.Bar("b", 1.5, 2.0).meets());
    assertTrue(new RatioChart.Bar("c", 1.0, null).meets());
    Path png = dir.resolve("r.png");
    RatioChart.write(List.of(new RatioChart.Bar("W1 vs OpenBLAS", 1.1, 1.0), new RatioChart.Bar("W2 vs PyTorch", 1.4, 2.0)),
        "test", png);
    BufferedImage im = ImageIO.read(png.toFile());
    assertTrue(has(im, 0x50aa64), "a green bar");
    assertTrue(has(im, 0xeb8c3c), "an orange bar");
    RatioChart.write(List.of(new RatioChart.Bar("only good", 3, null)), "test", png);
    assertFalse(has(ImageIO.read(png.toFile()), 0xeb8c3c), "no orange when nothing is behind");
  }
}
