package dev.vgan.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.io.MalformedFileException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files crafted byte by byte: good ones, gzipped or not, and each kind of damage. */
class IdxDatasetTest {
  @TempDir Path dir;

  /** An IDX file: type 0x08, the given dimensions, then {@code values}. */
  static byte[] idx(int[] dims, byte[] values) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + values.length);
    b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.put(values).array();
  }

  static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(raw);
    }
    return out.toByteArray();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static final byte[] PIXELS = {0, (byte) 255, 51, 102, (byte) 204, 17,      // image 0, 2 × 3
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};                                         // images 1 and 2

  @Test
  void readsImagesAndLabelsGzippedOrNot() throws IOException {
    for (boolean gz : new boolean[] {false, true}) {
      byte[] images = idx(new int[] {3, 2, 3}, PIXELS), labels = idx(new int[] {3}, new byte[] {0, 2, 1});
      IdxDataset d = IdxDataset.read(write("img" + gz, gz ? gzip(images) : images),
          write("lbl" + gz, gz ? gzip(labels) : labels), false);
      assertEquals(3, d.size());
      assertEquals(2, d.height());
      assertEquals(3, d.width());
      assertTrue(d.labelled());
      assertEquals(3, d.classes());
      assertEquals(2, d.label(1));
      float[] x = new float[6];
      d.image(0, x, 0);
      assertArrayEquals(new float[] {-1f, 1f, 51 / 127.5f - 1, 102 / 127.5f - 1, 204 / 127.5f - 1, 17 / 127.5f - 1}, x);
    }
  }

  @Test
  void transposedImagesSwapRowsAndColumns() throws IOException {
    IdxDataset d = IdxDataset.read(write("img", idx(new int[] {3, 2, 3}, PIXELS)), null, true);
    assertEquals(3, d.height());
    assertEquals(2, d.width());
    assertFalse(d.labelled());
    float[] x = new float[6];
    d.image(0, x, 0);                                      // stored rows (0 255 51) (102 204 17) become columns
    assertArrayEquals(new float[] {-1f, 102 / 127.5f - 1, 1f, 204 / 127.5f - 1, 51 / 127.5f - 1, 17 / 127.5f - 1}, x);
    assertThrows(IllegalStateException.class, () -> d.label(0));
  }

  @Test
  void emnistLettersLabelledOneToTwentySixBecomeClassesZeroToTwentyFive() throws IOException {
    Path images = write("emnist-letters-train-images-idx3-ubyte", idx(new int[] {3, 2, 3}, PIXELS));
    IdxDataset d = IdxDataset.read(images, write("emnist-letters-train-labels-idx1-ubyte",
        idx(new int[] {3}, new byte[] {1, 26, 3})), true);
    assertEquals(26, d.classes());
    assertEquals(0, d.label(0));
    assertEquals(25, d.label(1));
    Path bad = write("emnist-letters-test-labels-idx1-ubyte", idx(new int[] {3}, new byte[] {1, 0, 3}));
    var e = assertThrows(MalformedFileException.class, () -> IdxDataset.read(images, bad, true));
    assertTrue(e.getMessage().contains("offset 9"), e.getMessage());
  }

  private void assertRefused(byte[] bytes, String... expected) throws IOException {
    Path f = write("bad", bytes);
    var e = assertThrows(MalformedFileException.class, () -> IdxDataset.read(f, null, false));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    for (String s : expected) {
      assertTrue(e.getMessage().contains(s), e.getMessage());
    }
  }

  @Test
  void damagedFilesAreRefusedWithTheFileAndWhatIsWrong() throws IOException {
    byte[] good = idx(new int[] {3, 2, 3}, PIXELS);
    byte[] magic = good.clone();
    magic[1] = 0x11;
    assertRefused(magic, "not an IDX file");
    byte[] type = good.clone();
    type[2] = 0x0D;
    assertRefused(type, "type byte at offset 2 is 0x0d");
    assertRefused(java.util.Arrays.copyOf(good, 9), "truncated", "dimension sizes start at offset 4");
    assertRefused(java.util.Arrays.copyOf(good, good.length - 5), "truncated", "values start at offset 16",
        "ends after 13");
    assertRefused(java.util.Arrays.copyOf(good, good.length + 2), "unexpected data", "offset 34");
    assertRefused(idx(new int[] {60000, 60000, 60000}, new byte[0]), "declare more than");
    assertRefused(idx(new int[] {18}, PIXELS), "images file has 3 dimensions; this one has 1");
    byte[] gz = gzip(good);
    gz[gz.length / 2] ^= 0x5a;
    gz[gz.length / 2 + 1] ^= 0x33;
    assertRefused(gz);                                     // corrupt deflate data or a CRC mismatch
  }

  @Test
  void labelAndImageCountsMustAgree() throws IOException {
    Path images = write("img", idx(new int[] {3, 2, 3}, PIXELS));
    Path labels = write("lbl", idx(new int[] {2}, new byte[] {1, 0}));
    var e = assertThrows(MalformedFileException.class, () -> IdxDataset.read(images, labels, false));
    assertTrue(e.getMessage().contains("lbl: holds 2 labels but img holds 3 images"), e.getMessage());
  }
}
