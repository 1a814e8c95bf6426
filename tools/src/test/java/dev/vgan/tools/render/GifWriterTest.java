package dev.vgan.tools.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GIF is read back with ImageIO's reader: frames, per-frame delay and the loop-forever extension. */
class GifWriterTest {
  @TempDir Path dir;

  private static BufferedImage solid(int rgb) {
    BufferedImage im = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 6; x++) {
        im.setRGB(x, y, rgb);
      }
    }
    return im;
  }

  @Test
  void framesDelaysAndLoopReadBack() throws Exception {
    List<BufferedImage> frames = List.of(solid(0x000000), solid(0xffffff), solid(0x808080), solid(0xff0000));
    Path gif = dir.resolve("a.gif");
    GifWriter.write(frames, gif, 250, true);
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(gif))) {
      reader.setInput(in);
      int n = reader.getNumImages(true);
      assertEquals(6, n, "ping-pong: 4 forward + 2 back without repeating the ends");
      List<Integer> firstPixels = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
        IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
        assertEquals("25", gce.getAttribute("delayTime"), "frame " + i);
        IIOMetadataNode app = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
        if (i == 0) {
          assertEquals("NETSCAPE", app.getAttribute("applicationID"));
          assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) app.getUserObject(), "loop count 0 = forever");
        }
        firstPixels.add(reader.read(i).getRGB(0, 0) & 0xffffff);
      }
      assertEquals(List.of(0x000000, 0xffffff, 0x808080, 0xff0000, 0x808080, 0xffffff), firstPixels);
    }
  }

  /**
   * A smooth RGB gradient (8,192 colours) survives the palette: dithering keeps every 4×4 block's mean
   * colour within about a level of the original, where plain palette mapping bands.
   */
  @Test
  void smoothGradientsDitherToTheirLevels() throws Exception {
    int w = 128, h = 64;
    BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        im.setRGB(x, y, (x * 2 << 16) | (y * 4 << 8) | (255 - x - y));
      }
    }
    BufferedImage back = writeAndRead(im);
    double err = 0;
    for (int by = 0; by < h; by += 4) {
      for (int bx = 0; bx < w; bx += 4) {
        for (int shift = 0; shift <= 16; shift += 8) {
          double d = 0;
          for (int y = by; y < by + 4; y++) {
            for (int x = bx; x < bx + 4; x++) {
              d += (im.getRGB(x, y) >> shift & 255) - (back.getRGB(x, y) >> shift & 255);
            }
          }
          err += Math.abs(d / 16);
        }
      }
    }
    double mean = err / (3.0 * (w / 4) * (h / 4));
    assertTrue(mean < 1.5, "mean block error " + mean);
  }

  @Test
  void aGrayFrameKeepsEveryLevelExactly() throws Exception {
    BufferedImage im = new BufferedImage(256, 2, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 256; x++) {
      im.setRGB(x, 0, x * 0x010101);
      im.setRGB(x, 1, (255 - x) * 0x010101);
    }
    BufferedImage back = writeAndRead(im);
    for (int x = 0; x < 256; x++) {
      assertEquals(x * 0x010101, back.getRGB(x, 0) & 0xffffff, "level " + x);
    }
  }

  private BufferedImage writeAndRead(BufferedImage im) throws Exception {
    Path gif = dir.resolve("g.gif");
    GifWriter.write(List.of(im), gif, 100, false);
    return ImageIO.read(gif.toFile());
  }
}
