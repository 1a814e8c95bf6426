package dev.vgan.tools.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vgan.engine.io.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The atlas is read back as a game engine would: each frame rectangle cut from the PNG is that frame. */
class SpriteSheetTest {
  @TempDir Path dir;

  private static BufferedImage frame(int i) {
    BufferedImage im = new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 5; x++) {
        im.setRGB(x, y, (i * 40) << 16 | (x * 50) << 8 | y * 80);
      }
    }
    return im;
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyFrameRectangleHoldsItsFrameAndItsMetadata() throws Exception {
    List<SpriteSheet.Sprite> sprites = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      sprites.add(new SpriteSheet.Sprite("f" + i, frame(i), Map.of("seed", 100 + i)));
    }
    Path png = dir.resolve("sheet.png"), json = dir.resolve("sheet.json");
    SpriteSheet.write(sprites, 3, 2, Map.of("checkpoint_sha256", "abc"), png, json);
    BufferedImage sheet = ImageIO.read(png.toFile());
    Map<String, Object> atlas = Json.parseObject(Files.readString(json));
    Map<String, Object> meta = (Map<String, Object>) atlas.get("meta");
    assertEquals("sheet.png", meta.get("image"));
    assertEquals(Map.of("w", 3L * 5 + 2 * 2, "h", 3L * 3 + 2 * 2), meta.get("size"));
    Map<String, Object> frames = (Map<String, Object>) atlas.get("frames");
    assertEquals(7, frames.size());
    for (int i = 0; i < 7; i++) {
      Map<String, Object> f = (Map<String, Object>) frames.get("f" + i);
      Map<String, Object> r = (Map<String, Object>) f.get("frame");
      int x = ((Number) r.get("x")).intValue(), y = ((Number) r.get("y")).intValue();
      assertEquals(5L, r.get("w"));
      assertEquals(false, f.get("rotated"));
      assertEquals(Map.of("seed", 100L + i), f.get("vgan"));
      BufferedImage want = frame(i);
      for (int py = 0; py < 3; py++) {
        for (int px = 0; px < 5; px++) {
          assertEquals(want.getRGB(px, py), sheet.getRGB(x + px, y + py), "frame " + i + " pixel " + px + "," + py);
        }
      }
    }
    assertEquals(0, sheet.getRGB(5, 0) >>> 24, "padding is transparent");
  }

  @Test
  void duplicateNamesAreRefused() {
    var s = new SpriteSheet.Sprite("same", frame(0), Map.of());
    assertThrows(IllegalArgumentException.class,
        () -> SpriteSheet.write(List.of(s, s), 2, 0, Map.of(), dir.resolve("a.png"), dir.resolve("a.json")));
  }
}
