package dev.vgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.io.Safetensors;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the CLI on the built-in sprites, small enough for CI. */
class TrainCommandTest {
  @TempDir Path dir;

  private static int run(String... args) {
    return Main.run(args);
  }

  @Test
  void trainWritesEverythingAndResumeContinuesTheRun() throws Exception {
    Path out = dir.resolve("run");
    String[] common = {"train", "--model", "cgan", "--data", "sprites", "--batch", "8", "--width", "8",
        "--steps-per-epoch", "3", "--out", out.toString()};
    assertEquals(0, run(concat(common, "--epochs", "2")));
    for (String f : new String[] {"checkpoint.safetensors", "losses.csv", "losses.png", "progress.gif", "samples.png",
        "samples/epoch-001.png", "samples/epoch-002.png"}) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    assertEquals(0, run(concat(common, "--epochs", "1", "--resume")));
    assertEquals(1 + 9, Files.readAllLines(out.resolve("losses.csv")).size(), "header + 3 epochs of 3 steps");
    assertTrue(Files.exists(out.resolve("samples/epoch-003.png")));
    var grid = ImageIO.read(out.resolve("samples.png").toFile());
    assertEquals(2 + 8 * (64 + 2), grid.getHeight(), "8 sprite classes, one row each, 32 px drawn twice as large");
  }

  @Test
  void sampleWithSavedLatentsReproducesTheImages() throws Exception {
    Path out = dir.resolve("run");
    assertEquals(0, run("train", "--model", "dcgan", "--data", "sprites", "--batch", "8", "--width", "8",
        "--steps-per-epoch", "2", "--epochs", "1", "--out", out.toString()));
    Path ckpt = out.resolve("checkpoint.safetensors");
    Path first = dir.resolve("a.safetensors"), again = dir.resolve("b.safetensors");
    assertEquals(0, run("sample", "--checkpoint", ckpt.toString(), "--n", "5", "--seed", "3", "--out", first.toString()));
    assertEquals(0, run("sample", "--checkpoint", ckpt.toString(), "--z", first.toString(), "--seed", "9",
        "--out", again.toString()));
    var a = Safetensors.read(first).tensors().get("images");
    var b = Safetensors.read(again).tensors().get("images");
    assertEquals(java.util.List.of(5, 3, 32, 32), java.util.Arrays.stream(a.shape().dims()).boxed().toList());
    assertArrayEquals(a.data(), b.data());
    assertEquals(0, run("sample", "--checkpoint", ckpt.toString(), "--out", dir.resolve("g.png").toString()));
    assertTrue(Files.size(dir.resolve("g.png")) > 0);
  }

  @Test
  void importThenSampleGivesAnImageTensor() throws Exception {
    Path pytorch = Path.of("../models/src/test/resources/torch/w2_pytorch_generator.safetensors");
    Path ckpt = dir.resolve("imported.safetensors");
    assertEquals(0, run("import", "--arch", "dcgan28", "--generator", pytorch.toString(), "--out", ckpt.toString()));
    Path out = dir.resolve("s.safetensors");
    assertEquals(0, run("sample", "--checkpoint", ckpt.toString(), "--n", "3", "--out", out.toString()));
    assertEquals(3 * 28 * 28, Safetensors.read(out).tensors().get("images").data().length);
    assertEquals(2, run("import", "--arch", "stylegan2", "--generator", pytorch.toString(), "--out", ckpt.toString()));
  }

  @Test
  void userMistakesGiveOneLineAndACode() {
    assertEquals(2, run("train", "--model", "stylegan"));
    assertEquals(1, run("train", "--model", "dcgan", "--data", dir.resolve("nothing-here").toString()));
    assertEquals(2, run("sample", "--checkpoint", "x", "--out", "y.jpg"));
    assertEquals(1, run("sample", "--checkpoint", dir.resolve("missing.safetensors").toString(), "--out", "y.png"));
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
