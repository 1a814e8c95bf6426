package dev.vgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.io.Json;
import dev.vgan.models.api.GanKind;
import dev.vgan.tools.latent.Directions;
import dev.vgan.tools.latent.LatentSpace;
import dev.vgan.tools.latent.TestCheckpoints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The latent-space commands end to end on small fixed-weight generators. */
class LatentCommandsTest {
  @TempDir Path dir;

  private static int gifFrames(Path gif) throws Exception {
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(gif))) {
      reader.setInput(in);
      return reader.getNumImages(true);
    }
  }

  @Test
  void interpolateWritesAllFramesAsGifOrStrip() throws Exception {
    String ckpt = TestCheckpoints.write(dir, GanKind.CGAN).toString();
    Path gif = dir.resolve("i.gif"), png = dir.resolve("i.png");
    assertEquals(0, Main.run("interpolate", "--checkpoint", ckpt, "--from", "1", "--to", "2", "--through", "3",
        "--label-from", "0", "--label-to", "3:0.5,8:0.5", "--steps", "4", "--method", "matched", "--out", gif.toString()));
    assertEquals(2 * 4 + 1, gifFrames(gif));
    assertEquals(0, Main.run("interpolate", "--checkpoint", ckpt, "--label", "2", "--steps", "3", "--scale", "1",
        "--out", png.toString()));
    BufferedImage strip = ImageIO.read(png.toFile());
    assertEquals(2 + 4 * (28 + 2), strip.getWidth(), "4 frames in a row");
  }

  @Test
  void directionsSavedForACheckpointDrawTheSameGridWhenLoaded() throws Exception {
    Path ckpt = TestCheckpoints.write(dir, GanKind.DCGAN);
    Path grid = dir.resolve("d.png"), again = dir.resolve("d2.png"), saved = dir.resolve("d.json");
    assertEquals(0, Main.run("directions", "--checkpoint", ckpt.toString(), "--k", "3", "--steps", "5",
        "--out", grid.toString(), "--save", saved.toString()));
    Directions d = Directions.load(saved, LatentSpace.open(ckpt).checkpointSha256());
    assertEquals(3, d.count());
    assertEquals(0, Main.run("directions", "--checkpoint", ckpt.toString(), "--steps", "5", "--load", saved.toString(),
        "--out", again.toString()));
    assertTrue(java.util.Arrays.equals(Files.readAllBytes(grid), Files.readAllBytes(again)));
    assertEquals(0, Main.run("directions", "--checkpoint", ckpt.toString(), "--method", "pca", "--k", "2",
        "--samples", "300", "--out", dir.resolve("p.png").toString()));
  }

  @Test
  void attributeInLabelSpaceMovesFromOneClassToTheOther() throws Exception {
    String ckpt = TestCheckpoints.write(dir, GanKind.ACGAN).toString();
    Path png = dir.resolve("a.png"), saved = dir.resolve("a.json");
    assertEquals(0, Main.run("attribute", "--checkpoint", ckpt, "--with", "7", "--without", "1", "--rows", "2",
        "--steps", "3", "--out", png.toString(), "--save", saved.toString()));
    Directions d = Directions.load(saved, null);
    assertEquals("label", d.space());
    assertEquals(Math.sqrt(2), d.scales()[0], 1e-6);
    assertTrue(ImageIO.read(png.toFile()).getHeight() > 2 * 28 * 2, "two rows at scale 2 and the captions");
  }

  @Test
  @SuppressWarnings("unchecked")
  void spritesWriteAnAtlasWhoseFramesRecordTheirSeedAndLabel() throws Exception {
    String ckpt = TestCheckpoints.write(dir, GanKind.CGAN).toString();
    Path out = dir.resolve("sheet");
    assertEquals(0, Main.run("sprites", "--checkpoint", ckpt, "--labels", "1-3,7", "--per-label", "5", "--seed", "10",
        "--out", out.toString()));
    Map<String, Object> atlas = Json.parseObject(Files.readString(dir.resolve("sheet.json")));
    Map<String, Object> frames = (Map<String, Object>) atlas.get("frames");
    assertEquals(4 * 5, frames.size());
    Map<String, Object> f = (Map<String, Object>) frames.get("label7_seed12");
    assertEquals(Map.of("x", 2L * 30, "y", 3L * 30, "w", 28L, "h", 28L), f.get("frame"));
    Map<String, Object> v = (Map<String, Object>) f.get("vgan");
    assertEquals(12L, v.get("seed"));
    assertEquals(7L, v.get("label"));
    assertTrue(Files.size(dir.resolve("sheet.png")) > 0);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSpriteFrameIsRegeneratedFromItsMetadataByVganSample() throws Exception {
    String ckpt = TestCheckpoints.write(dir, GanKind.CGAN).toString();
    assertEquals(0, Main.run("sprites", "--checkpoint", ckpt, "--labels", "4,6", "--per-label", "3", "--seed", "20",
        "--out", dir.resolve("sheet").toString()));
    Map<String, Object> frames = (Map<String, Object>) Json.parseObject(Files.readString(dir.resolve("sheet.json")))
        .get("frames");
    Map<String, Object> frame = (Map<String, Object>) frames.get("label6_seed21");
    Map<String, Object> meta = (Map<String, Object>) frame.get("vgan"), rect = (Map<String, Object>) frame.get("frame");
    Path again = dir.resolve("again.safetensors");
    assertEquals(0, Main.run("sample", "--checkpoint", ckpt, "--n", "1", "--seed", meta.get("seed").toString(),
        "--label", meta.get("label").toString(), "--out", again.toString()));
    var images = dev.vgan.engine.io.StateDicts.read(again).get("images");
    BufferedImage want = dev.vgan.tools.render.ImageTensors.toImage(images, 0);
    BufferedImage sheet = ImageIO.read(dir.resolve("sheet.png").toFile());
    int x0 = ((Number) rect.get("x")).intValue(), y0 = ((Number) rect.get("y")).intValue();
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        assertEquals(want.getRGB(x, y) & 0xffffff, sheet.getRGB(x0 + x, y0 + y) & 0xffffff, "pixel " + x + "," + y);
      }
    }
  }

  @Test
  void animateSweepsADirectionOrAnInfoganCode() throws Exception {
    String dcgan = TestCheckpoints.write(dir, GanKind.DCGAN).toString();
    Path gif = dir.resolve("s.gif");
    assertEquals(0, Main.run("animate", "--checkpoint", dcgan, "--index", "2", "--steps", "6", "--seeds", "3",
        "--out", gif.toString()));
    assertEquals(6 + 4, gifFrames(gif), "ping-pong by default");
    String info = TestCheckpoints.write(dir, GanKind.INFOGAN).toString();
    Path png = dir.resolve("c.png");
    assertEquals(0, Main.run("animate", "--checkpoint", info, "--sweep", "cat1", "--seeds", "2", "--scale", "1",
        "--out", png.toString()));
    BufferedImage grid = ImageIO.read(png.toFile());
    assertTrue(grid.getWidth() > 10 * 30 && grid.getWidth() < 11 * 30 + 2, "one column per category: " + grid.getWidth());
  }

  @Test
  void mistakesAreUsageErrors() throws Exception {
    String ckpt = TestCheckpoints.write(dir, GanKind.CGAN).toString();
    String out = dir.resolve("x.gif").toString();
    assertEquals(2, Main.run("animate", "--checkpoint", ckpt, "--out", out), "conditional without --label");
    assertEquals(2, Main.run("interpolate", "--checkpoint", ckpt, "--label", "0", "--method", "cubic", "--out", out));
    assertEquals(2, Main.run("interpolate", "--checkpoint", ckpt, "--label", "3:0.7,4:0.7", "--out", out));
    assertEquals(2, Main.run("directions", "--checkpoint", ckpt, "--label", "0", "--out", dir.resolve("x.jpg").toString()));
    assertEquals(2, Main.run("sprites", "--checkpoint", ckpt, "--labels", "3-12", "--out", dir.resolve("s").toString()));
    assertEquals(2, Main.run("animate", "--checkpoint", ckpt, "--label", "0", "--sweep", "cont9", "--out", out));
  }
}
