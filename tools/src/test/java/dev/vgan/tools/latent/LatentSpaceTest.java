package dev.vgan.tools.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.core.Tensor;
import dev.vgan.models.api.GanKind;
import dev.vgan.models.api.Generator;
import dev.vgan.models.zoo.GanModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatentSpaceTest {
  @TempDir Path dir;

  private LatentSpace open(GanKind kind) throws Exception {
    return LatentSpace.open(TestCheckpoints.write(dir, kind));
  }

  @Test
  void aSeedAlwaysGivesTheSameStandardNormalZ() throws Exception {
    LatentSpace s = open(GanKind.DCGAN);
    assertArrayEquals(s.z(42), s.z(42));
    assertFalse(Arrays.equals(s.z(42), s.z(43)));
    double sq = 0;
    int n = 0;
    for (long seed = 0; seed < 200; seed++) {
      for (float v : s.z(seed)) {
        sq += v * v;
        n++;
      }
    }
    assertEquals(1.0, sq / n, 0.03, "prior variance over 20,000 draws");
  }

  @Test
  void imagesDoNotDependOnTheChunkSize() throws Exception {
    LatentSpace s = open(GanKind.CGAN);
    List<LatentPoint> points = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      float[] label = i % 3 == 0 ? s.label(Map.of(3, 0.5, 8, 0.5)) : s.label(i % 10);
      points.add(new LatentPoint(s.z(i), label, null));
    }
    float[] all = s.chunkSize(64).generate(points).data();
    for (int chunk : new int[] {1, 3, 8}) {
      assertArrayEquals(all, s.chunkSize(chunk).generate(points).data(), "chunk " + chunk);
    }
    Tensor one = s.chunkSize(64).generate(points.subList(4, 5));
    assertArrayEquals(Arrays.copyOfRange(all, 4 * 784, 5 * 784), one.data(), "alone vs in a batch");
  }

  @Test
  void itsKeptPackedWeightsGiveTheGeneratorsOwnImages() throws Exception {
    Path checkpoint = TestCheckpoints.write(dir, GanKind.CGAN);
    LatentSpace s = LatentSpace.open(checkpoint);
    Generator g = GanModels.open(checkpoint);
    assertFalse(g.weights().isEmpty());
    List<LatentPoint> points = List.of(new LatentPoint(s.z(1), s.label(2), null), new LatentPoint(s.z(2), s.label(7), null));
    Tensor z = Tensor.of(concat(s.z(1), s.z(2)), 2, s.spec().zDim());
    Tensor labels = Tensor.of(concat(s.label(2), s.label(7)), 2, s.spec().classes());
    float[] direct = g.generate(z, labels, null).data();
    for (int call = 0; call < 2; call++) {      // the second call reads the copies the first one kept
      assertArrayEquals(direct, s.generate(points).data(), "call " + call);
    }
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aConditionalModelWithoutALabelSaysHowToGiveOne() throws Exception {
    LatentSpace s = open(GanKind.CGAN);
    var e = assertThrows(IllegalStateException.class, () -> s.point(1));
    assertTrue(e.getMessage().contains("--label") && e.getMessage().contains("holdLabel"), e.getMessage());
  }

  @Test
  void aHeldLabelAppliesInsideItsScopeAndNestedScopesRestore() throws Exception {
    LatentSpace s = open(GanKind.CGAN);
    try (var outer = s.holdLabel(s.label(2))) {
      assertArrayEquals(s.label(2), s.point(5).label());
      try (var inner = s.holdLabel(s.label(Map.of(1, 0.25, 4, 0.75)))) {
        assertEquals(0.75f, s.point(5).label()[4]);
      }
      assertArrayEquals(s.label(2), s.point(5).label());
    }
    assertThrows(IllegalStateException.class, () -> s.point(5));
  }

  @Test
  void aMixtureIsAValidLabelAndGivesAnImageBetweenItsClasses() throws Exception {
    LatentSpace s = open(GanKind.CGAN);
    float[] z = s.z(9);
    Tensor images = s.generate(List.of(new LatentPoint(z, s.label(3), null), new LatentPoint(z, s.label(8), null),
        new LatentPoint(z, s.label(Map.of(3, 0.5, 8, 0.5)), null)));
    float[] d = images.data();
    double toA = 0, toB = 0, ab = 0;
    for (int p = 0; p < 784; p++) {
      toA += Math.abs(d[2 * 784 + p] - d[p]);
      toB += Math.abs(d[2 * 784 + p] - d[784 + p]);
      ab += Math.abs(d[784 + p] - d[p]);
    }
    assertTrue(toA > 0 && toB > 0, "the blend is neither class's image");
    assertTrue(toA < ab && toB < ab, "the blend is nearer each class's image than they are to each other");
  }

  @Test
  void labelsParseClassesAndMixturesAndRefuseBadOnes() {
    assertArrayEquals(Labels.oneHot(3, 10), Labels.parse("3", 10));
    assertArrayEquals(Labels.mixture(Map.of(3, 0.5, 8, 0.5), 10), Labels.parse("{3: 0.5, 8: 0.5}", 10));
    assertArrayEquals(Labels.parse("3:0.5,8:0.5", 10), Labels.parse("{3: 0.5, 8: 0.5}", 10));
    assertThrows(IllegalArgumentException.class, () -> Labels.parse("3:0.5,8:0.4", 10));
    assertThrows(IllegalArgumentException.class, () -> Labels.parse("10", 10));
    assertThrows(IllegalArgumentException.class, () -> Labels.parse("3:1.5,8:-0.5", 10));
    assertThrows(IllegalArgumentException.class, () -> Labels.parse("shirt", 10));
    assertEquals("3:0.5+8:0.5", Labels.describe(Labels.parse("3:0.5,8:0.5", 10)));
  }

  @Test
  void infoganCodesAreSetByNameAndSwept() throws Exception {
    LatentSpace s = open(GanKind.INFOGAN);
    assertEquals(List.of("cat1", "cont1", "cont2"), Codes.names(s.spec()));
    float[] c = s.codes(Map.of("cat1", 4.0, "cont2", -1.5));
    float[] want = new float[12];
    want[4] = 1f;
    want[11] = -1.5f;
    assertArrayEquals(want, c);
    assertEquals(10, Codes.sweepValues(s.spec(), "cat1", -2, 2, 5).length, "every category");
    assertArrayEquals(new double[] {-2, -1, 0, 1, 2}, Codes.sweepValues(s.spec(), "cont1", -2, 2, 5));
    var e = assertThrows(IllegalArgumentException.class, () -> s.codes(Map.of("c1", 1.0)));
    assertTrue(e.getMessage().contains("cat1, cont1, cont2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.codes(Map.of("cat1", 10.0)));
    Tensor images = s.generate(List.of(s.point(1), s.point(1).withCodes(c)));
    assertFalse(Arrays.equals(Arrays.copyOf(images.data(), 784), Arrays.copyOfRange(images.data(), 784, 1568)));
  }

  @Test
  void theHashIsTheCheckpointFilesSha256() throws Exception {
    Path ckpt = TestCheckpoints.write(dir, GanKind.DCGAN);
    String want = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(ckpt)));
    assertEquals(want, LatentSpace.open(ckpt).checkpointSha256());
  }
}
