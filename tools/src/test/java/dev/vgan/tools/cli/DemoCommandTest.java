package dev.vgan.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's whole pipeline, on the built-in sprites and for a few seconds. */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void demoWritesTrainingAndLatentSpacePictures() throws Exception {
    assertEquals(0, Main.run("demo", "--data", "sprites", "--minutes", "0.02", "--steps-per-epoch", "2",
        "--out", dir.toString()));
    for (String f : new String[] {"checkpoint.safetensors", "samples.png", "progress.gif", "losses.png",
        "interpolation.gif", "sefa.png", "sefa.json"}) {
      assertTrue(Files.exists(dir.resolve(f)) && Files.size(dir.resolve(f)) > 0, f);
    }
  }
}
