package dev.vgan.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vgan.engine.core.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchesTest {
  private final Sprites data = new Sprites(40, 8, false, 1);

  private static int[] labelsOfEpoch(Batches b) {
    int[] all = new int[b.perEpoch() * 8];
    for (int i = 0; i < b.perEpoch(); i++) {
      System.arraycopy(b.batch(i).labels(), 0, all, i * 8, 8);
    }
    return all;
  }

  @Test
  void anEpochVisitsEveryImageOnceInASeededOrder() {
    Batches b = new Batches(data, 8, Rng.seeded(3));
    assertEquals(5, b.perEpoch());
    b.shuffle();
    int[] counts = new int[8];
    for (int label : labelsOfEpoch(b)) {
      counts[label]++;
    }
    assertArrayEquals(new int[] {5, 5, 5, 5, 5, 5, 5, 5}, counts, "40 images, 8 classes in turn");
    Batches same = new Batches(data, 8, Rng.seeded(3));
    same.shuffle();
    assertArrayEquals(labelsOfEpoch(b), labelsOfEpoch(same));
    int[] before = labelsOfEpoch(b);
    b.shuffle();
    assertFalse(Arrays.equals(before, labelsOfEpoch(b)), "a new epoch, a new order");
  }

  @Test
  void batchImagesAreTheDatasetsImages() {
    Batches b = new Batches(data, 8, Rng.seeded(4));
    b.shuffle();
    Batches.Batch batch = b.batch(2);
    assertEquals(dev.vgan.engine.core.Shape.of(8, 1, 8, 8), batch.images().shape());
    float[] one = new float[64];
    for (int k = 0; k < 8; k++) {
      int label = batch.labels()[k];
      // Find which image it was by matching pixels among the images of that label.
      boolean found = false;
      for (int i = label; i < data.size() && !found; i += 8) {
        data.image(i, one, 0);
        found = Arrays.equals(one, Arrays.copyOfRange(batch.images().data(), k * 64, (k + 1) * 64));
      }
      assertEquals(true, found, "sample " + k);
    }
    assertThrows(IndexOutOfBoundsException.class, () -> b.batch(5));
    assertThrows(IllegalArgumentException.class, () -> new Batches(data, 41, Rng.seeded(1)));
  }
}
