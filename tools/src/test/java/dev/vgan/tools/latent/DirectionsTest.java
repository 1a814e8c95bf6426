package dev.vgan.tools.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectionsTest {
  @TempDir Path dir;
  private static final Directions D = new Directions("sefa", "z", "eigenvalue",
      new float[][] {{0.6f, 0.8f, 0f}, {0f, 0f, 1f}}, new double[] {12.5, 0.1}, "abc123");

  @Test
  void savedDirectionsReadBackExactly() throws Exception {
    Path f = dir.resolve("d.json");
    D.save(f);
    Directions back = Directions.load(f, "abc123");
    assertEquals("sefa", back.method());
    assertEquals("eigenvalue", back.scaleKind());
    assertArrayEquals(D.scales(), back.scales());
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(D.vectors()[i], back.vectors()[i]);
    }
  }

  @Test
  void directionsForAnotherCheckpointAreRefusedNamingBothHashes() throws Exception {
    Path f = dir.resolve("d.json");
    D.save(f);
    var e = assertThrows(IOException.class, () -> Directions.load(f, "fff999"));
    assertTrue(e.getMessage().contains("abc123") && e.getMessage().contains("fff999"), e.getMessage());
    Files.writeString(f, "{\"format\": \"something else\"}");
    assertThrows(IOException.class, () -> Directions.load(f, null));
  }

  @Test
  void moveAddsAlphaTimesTheDirectionInItsSpace() {
    LatentPoint p = new LatentPoint(new float[] {1, 1, 1}, new float[] {1, 0, 0}, null);
    assertArrayEquals(new float[] {2.2f, 2.6f, 1f}, D.move(p, 0, 2).z(), 1e-6f);
    assertArrayEquals(p.label(), D.move(p, 0, 2).label());
    Directions inLabels = new Directions("attribute", "label", "norm", new float[][] {{-1f, 0f, 1f}},
        new double[] {1.4}, "abc123");
    assertArrayEquals(new float[] {0.5f, 0f, 0.5f}, inLabels.move(p, 0, 0.5).label());
  }
}
