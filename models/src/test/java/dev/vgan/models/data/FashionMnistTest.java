package dev.vgan.models.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The real Fashion-MNIST test set from Debian's {@code dataset-fashion-mnist} (.ci/run installs it).
 * Expected values computed independently with numpy:
 * {@code img = np.frombuffer(gzip.open(f).read()[16:], np.uint8).reshape(-1, 28, 28)} (labels likewise,
 * from byte 8): first labels 9 2 1 1 6 1 4 6, 1000 images per class, pixel sum 573469082, image 0 sum
 * 33456, image 0 row 14 starting 0 0 0 0 0 0 2 4.
 */
class FashionMnistTest {
  private static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");

  @Test
  void theTestSetReadsAsNumpyReadsIt() throws Exception {
    assertTrue(Files.isDirectory(DIR), DIR + " is missing: apt-get install dataset-fashion-mnist");
    IdxDataset d = IdxDataset.read(DIR.resolve("t10k-images-idx3-ubyte.gz"),
        DIR.resolve("t10k-labels-idx1-ubyte.gz"), false);
    assertEquals(10000, d.size());
    assertEquals(28, d.height());
    assertEquals(28, d.width());
    assertEquals(10, d.classes());
    int[] first = new int[8];
    int[] perClass = new int[10];
    for (int i = 0; i < d.size(); i++) {
      perClass[d.label(i)]++;
      if (i < 8) {
        first[i] = d.label(i);
      }
    }
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6}, first);
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000,
        1000, 1000}, perClass);
    float[] x = new float[784];
    long total = 0;
    for (int i = 0; i < d.size(); i++) {
      d.image(i, x, 0);
      for (float v : x) {
        total += Math.round((v + 1f) * 127.5f);              // back to the stored byte
      }
      if (i == 0) {
        long sum0 = 0;
        for (float v : x) {
          sum0 += Math.round((v + 1f) * 127.5f);
        }
        assertEquals(33456, sum0);
        assertEquals(2, Math.round((x[14 * 28 + 6] + 1f) * 127.5f));
        assertEquals(4, Math.round((x[14 * 28 + 7] + 1f) * 127.5f));
      }
    }
    assertEquals(573469082L, total);
  }
}
