package dev.vgan.models.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
  @TempDir Path dir;

  private static BufferedImage halves(int w, int h, int left, int right) {
    BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        im.setRGB(x, y, x < w / 2 ? left : right);
      }
    }
    return im;
  }

  @Test
  void theTwelveMonkeysReadersAreRegistered() {
    for (String format : List.of("webp", "ico", "bmp", "tiff", "jpeg")) {
      assertTrue(ImageIO.getImageReadersByFormatName(format).hasNext(), format);
    }
  }

  @Test
  void subfoldersAreClassesAndImagesAreScaledCroppedAndComposited() throws Exception {
    Files.createDirectories(dir.resolve("cats"));
    Files.createDirectories(dir.resolve("dogs"));
    // 64×32 at side 16: scaled by 1/2 to 32×16, then the middle 16×16 (x 8..23 of the scaled) is kept.
    ImageIO.write(halves(64, 32, 0xffff0000, 0xff0000ff), "png", dir.resolve("cats/a.png").toFile());
    ImageIO.write(halves(16, 16, 0x00000000, 0xff00ff00), "png", dir.resolve("dogs/b.png").toFile());   // left transparent
    BufferedImage rgb = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);   // BMP has no alpha
    rgb.getGraphics().drawImage(halves(16, 16, 0xff000000, 0xffffffff), 0, 0, null);
    assertTrue(ImageIO.write(rgb, "bmp", dir.resolve("dogs/c.bmp").toFile()));
    Files.writeString(dir.resolve("dogs/broken.png"), "not a png");
    ImageFolder.Loaded l = ImageFolder.read(dir, new ImageFolder.Options(16, true));
    Dataset d = l.data();
    assertEquals(List.of("cats", "dogs"), l.classNames());
    assertEquals(1, l.skipped().size());
    assertTrue(l.skipped().get(0).contains("broken.png"), l.skipped().get(0));
    assertEquals(3, d.size());
    assertTrue(d.labelled());
    assertEquals(2, d.classes());
    float[] px = new float[3 * 16 * 16];
    d.image(0, px, 0);                                   // cats/a.png: 32×16 after scaling, crop keeps x 8..23
    assertEquals(0, d.label(0));
    assertEquals(1f, px[0 * 256 + 5 * 16 + 2], 1e-6);     // red plane, left of centre: red
    assertEquals(-1f, px[2 * 256 + 5 * 16 + 2], 1e-6);    // blue plane there: none
    assertEquals(1f, px[2 * 256 + 5 * 16 + 13], 1e-6);    // right of centre: blue
    d.image(1, px, 0);                                   // dogs/b.png: transparent half becomes white
    assertEquals(1, d.label(1));
    for (int c = 0; c < 3; c++) {
      assertEquals(1f, px[c * 256 + 8 * 16 + 2], 1e-6, "white over transparency, channel " + c);
    }
    assertEquals(-1f, px[8 * 16 + 13], 1e-6);            // green half: no red
  }

  @Test
  void aFlatFolderIsUnlabelledAndGrayWorks() throws Exception {
    ImageIO.write(halves(8, 8, 0xffffffff, 0xff000000), "png", dir.resolve("x.png").toFile());
    Dataset d = ImageFolder.read(dir, new ImageFolder.Options(8, false)).data();
    assertFalse(d.labelled());
    assertEquals(1, d.channels());
    float[] px = new float[64];
    d.image(0, px, 0);
    assertEquals(1f, px[0], 1e-6);
    assertEquals(-1f, px[7], 1e-6);
  }

  @Test
  void aFolderWithNothingReadableSaysSo() throws Exception {
    Files.writeString(dir.resolve("a.png"), "junk");
    var e = assertThrows(java.io.FileNotFoundException.class, () -> ImageFolder.read(dir, ImageFolder.Options.DEFAULT));
    assertTrue(e.getMessage().contains("no readable images") && e.getMessage().contains("1 unreadable"), e.getMessage());
  }
}
