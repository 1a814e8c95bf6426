package dev.vgan.tools.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgan.engine.core.Tensor;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageTensorsTest {
  @Test
  void valuesMapLinearlyFromMinusOneToOneOnto0To255() {
    assertEquals(0, ImageTensors.level(-1f));
    assertEquals(255, ImageTensors.level(1f));
    assertEquals(128, ImageTensors.level(0f));              // 127.5 rounds up
    assertEquals(0, ImageTensors.level(-3f));
    assertEquals(255, ImageTensors.level(7f));
  }

  @Test
  void channelsAndPositionsLandWhereTheyBelong() {
    // (2, 3, 2, 2): image 1 has red in its top-right pixel, blue in its bottom-left.
    float[] d = new float[2 * 3 * 4];
    java.util.Arrays.fill(d, -1f);
    d[12 + 1] = 1f;                                        // image 1, channel 0 (red), y 0, x 1
    d[12 + 8 + 2] = 1f;                                    // image 1, channel 2 (blue), y 1, x 0
    BufferedImage im = ImageTensors.toImage(Tensor.of(d, 2, 3, 2, 2), 1);
    assertEquals(0xff0000, im.getRGB(1, 0) & 0xffffff);
    assertEquals(0x0000ff, im.getRGB(0, 1) & 0xffffff);
    assertEquals(0x000000, im.getRGB(0, 0) & 0xffffff);
    BufferedImage gray = ImageTensors.toImage(Tensor.of(new float[] {0f, 1f}, 1, 1, 1, 2), 0);
    assertEquals(0x808080, gray.getRGB(0, 0) & 0xffffff);
  }
}
