package dev.vgan.models.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.io.MalformedFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crafted batch files in CIFAR-10's binary layout. */
class Cifar10Test {
  @TempDir Path dir;

  private static byte[] records(int... labels) {
    byte[] b = new byte[labels.length * Cifar10.RECORD];
    for (int i = 0; i < labels.length; i++) {
      int off = i * Cifar10.RECORD;
      b[off] = (byte) labels[i];
      b[off + 1] = (byte) 255;                    // red plane, pixel (0, 0)
      b[off + 1 + 1024 + 1] = (byte) 0;           // green plane, pixel (0, 1)
      b[off + 1 + 2048 + 32] = (byte) 128;        // blue plane, pixel (1, 0)
    }
    return b;
  }

  @Test
  void recordsReadAsLabelAndThreePlanes() throws Exception {
    Files.write(dir.resolve("test_batch.bin"), records(3, 9));
    Dataset d = DataSources.openFolder(dir, DataSources.Split.TEST);
    assertEquals(2, d.size());
    assertEquals(List.of(3, 32, 32), List.of(d.channels(), d.height(), d.width()));
    assertEquals(9, d.label(1));
    float[] px = new float[3072];
    d.image(0, px, 0);
    assertEquals(1f, px[0]);
    assertEquals(-1f, px[1024 + 1]);
    assertEquals(128 / 127.5f - 1f, px[2048 + 32]);
  }

  @Test
  void damageIsNamedWithFileAndOffset() throws Exception {
    Path truncated = dir.resolve("test_batch.bin");
    byte[] b = records(1, 2);
    Files.write(truncated, java.util.Arrays.copyOf(b, b.length - 10));
    var e = assertThrows(MalformedFileException.class, () -> DataSources.openFolder(dir, DataSources.Split.TEST));
    assertTrue(e.getMessage().contains("test_batch.bin") && e.getMessage().contains("offset 3073"), e.getMessage());
    Files.write(truncated, records(4, 12));
    e = assertThrows(MalformedFileException.class, () -> DataSources.openFolder(dir, DataSources.Split.TEST));
    assertTrue(e.getMessage().contains("label 12 at offset 3073"), e.getMessage());
    var missing = assertThrows(java.io.FileNotFoundException.class,
        () -> DataSources.openFolder(dir, DataSources.Split.TRAIN));
    assertTrue(missing.getMessage().contains("data_batch_1.bin"), missing.getMessage());
  }
}
