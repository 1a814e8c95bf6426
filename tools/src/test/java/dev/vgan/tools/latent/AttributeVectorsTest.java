package dev.vgan.tools.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.models.api.GanKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributeVectorsTest {
  @TempDir Path dir;

  @Test
  void meanDifferenceOfKnownSets() {
    float[] d = AttributeVectors.meanDifference(List.of(new float[] {1, 2}, new float[] {3, 6}),
        List.of(new float[] {0, 1}, new float[] {0, 1}, new float[] {3, 1}));
    assertArrayEquals(new float[] {1, 3}, d, 1e-6f);
    assertArrayEquals(new float[] {2.5f, 7.5f}, AttributeVectors.apply(new float[] {0.5f, 1.5f}, d, 2), 1e-6f);
  }

  @Test
  void setsChosenByPredictionAreTheSetsOfThoseIndices() throws Exception {
    LatentSpace s = LatentSpace.open(TestCheckpoints.write(dir, GanKind.DCGAN));
    List<LatentPoint> points = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      points.add(s.point(i));
    }
    double threshold = meanBrightness(s, points);
    // A classifier that reads the image's mean brightness: its classes are known only through the images.
    float[] byPrediction = AttributeVectors.byPrediction(s, points, images -> {
      int n = images.size(0), per = images.numel() / n;
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        double m = 0;
        for (int p = 0; p < per; p++) {
          m += images.data()[i * per + p];
        }
        out[i] = m / per > threshold ? 1 : 0;
      }
      return out;
    }, 1, 0);
    List<Integer> bright = new ArrayList<>(), dark = new ArrayList<>();
    var images = s.generate(points);
    for (int i = 0; i < 12; i++) {
      double m = 0;
      for (int p = 0; p < 784; p++) {
        m += images.data()[i * 784 + p];
      }
      (m / 784 > threshold ? bright : dark).add(i);
    }
    assertTrue(!bright.isEmpty() && !dark.isEmpty());
    float[] byIndex = AttributeVectors.byIndices(points, bright.stream().mapToInt(i -> i).toArray(),
        dark.stream().mapToInt(i -> i).toArray());
    assertArrayEquals(byIndex, byPrediction);
  }

  private static double meanBrightness(LatentSpace s, List<LatentPoint> points) {
    var d = s.generate(points).data();
    double m = 0;
    for (float v : d) {
      m += v;
    }
    return m / d.length;
  }

  @Test
  void anEmptySetIsRefusedWithTheCounts() throws Exception {
    LatentSpace s = LatentSpace.open(TestCheckpoints.write(dir, GanKind.DCGAN));
    List<LatentPoint> points = List.of(s.point(1), s.point(2));
    var e = assertThrows(IllegalArgumentException.class,
        () -> AttributeVectors.byPrediction(s, points, images -> new int[] {3, 3}, 3, 5));
    assertTrue(e.getMessage().contains("2 in class 3 and 0 in class 5"), e.getMessage());
  }

  @Test
  void setsChosenByLabelTakeEachPointsLargestLabelEntry() {
    List<LatentPoint> points = List.of(
        new LatentPoint(new float[] {2, 0}, Labels.oneHot(1, 3), null),
        new LatentPoint(new float[] {4, 2}, Labels.mixture(java.util.Map.of(1, 0.7, 2, 0.3), 3), null),
        new LatentPoint(new float[] {1, 1}, Labels.oneHot(2, 3), null),
        new LatentPoint(new float[] {9, 9}, Labels.oneHot(0, 3), null));
    assertArrayEquals(new float[] {2, 0}, AttributeVectors.byLabel(points, 1, 2), 1e-6f);
  }

  @Test
  void theLabelDirectionMovesFromOneClassToAnother() {
    float[] d = AttributeVectors.labelDirection(4, 2, 0);
    assertArrayEquals(new float[] {-1, 0, 1, 0}, d);
    assertArrayEquals(new float[] {0.5f, 0, 0.5f, 0}, AttributeVectors.apply(Labels.oneHot(0, 4), d, 0.5));
  }
}
