package dev.vgan.tools.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InterpolationTest {
  private static final float[] A = {3, 0, 0, 4};
  private static final float[] B = {0, 5, 0, 0};

  @ParameterizedTest
  @EnumSource(Interpolation.Method.class)
  void everyMethodStartsAtAAndEndsAtB(Interpolation.Method m) {
    LatentPoint a = new LatentPoint(A, new float[] {1, 0}, null), b = new LatentPoint(B, new float[] {0, 1}, null);
    assertArrayEquals(A, Interpolation.between(a, b, 0, m).z(), 1e-6f);
    assertArrayEquals(B, Interpolation.between(a, b, 1, m).z(), 1e-6f);
    assertArrayEquals(new float[] {0.75f, 0.25f}, Interpolation.between(a, b, 0.25, m).label(), 1e-7f,
        "labels move linearly, through mixtures");
  }

  @Test
  void slerpFollowsTheGreatCircleBetweenEqualNorms() {
    // |A| = |B| = 5 and A ⟂ B: the midpoint is (A + B)/√2, norm 5; a third of the way the angle is 30°.
    float[] mid = Interpolation.slerp(A, B, 0.5);
    assertArrayEquals(new float[] {3 / (float) Math.sqrt(2), 5 / (float) Math.sqrt(2), 0, 4 / (float) Math.sqrt(2)}, mid, 1e-5f);
    float[] third = Interpolation.slerp(A, B, 1.0 / 3);
    double cosToA = (third[0] * 3 + third[3] * 4) / 25.0;
    assertEquals(Math.cos(Math.PI / 6), cosToA, 1e-6);
    assertEquals(5.0, AttributeVectors.norm(third), 1e-5);
  }

  @Test
  void slerpOfParallelVectorsFallsBackToLerp() {
    float[] twice = {6, 0, 0, 8};
    assertArrayEquals(Interpolation.lerp(A, twice, 0.3), Interpolation.slerp(A, twice, 0.3));
  }

  @Test
  void matchedKeepsThePriorsNormWhereLerpShrinksIt() {
    // For independent N(0, I) endpoints, E|lerp(0.5)|² = d/2 and E|matched(0.5)|² = d.
    Rng rng = Rng.seeded(3);
    int d = 64, pairs = 2000;
    double lerpSq = 0, matchedSq = 0;
    for (int i = 0; i < pairs; i++) {
      float[] a = Tensor.randn(rng, d).data(), b = Tensor.randn(rng, d).data();
      lerpSq += Math.pow(AttributeVectors.norm(Interpolation.lerp(a, b, 0.5)), 2);
      matchedSq += Math.pow(AttributeVectors.norm(Interpolation.matched(a, b, 0.5)), 2);
    }
    assertEquals(d / 2.0, lerpSq / pairs, 0.03 * d);
    assertEquals(d, matchedSq / pairs, 0.03 * d);
  }

  @Test
  void aPathVisitsEveryKeyframeAndIncludesBothEnds() {
    LatentPoint a = new LatentPoint(A, null, null), b = new LatentPoint(B, null, null);
    LatentPoint c = new LatentPoint(new float[] {1, 1, 1, 1}, null, null);
    List<LatentPoint> open = Interpolation.path(List.of(a, b, c), 4, Interpolation.Method.LERP, false);
    assertEquals(2 * 4 + 1, open.size());
    assertEquals(a, open.get(0));
    assertEquals(b, open.get(4));
    assertEquals(c, open.get(8));
    assertArrayEquals(Interpolation.lerp(A, B, 0.25), open.get(1).z());
    List<LatentPoint> closed = Interpolation.path(List.of(a, b, c), 4, Interpolation.Method.LERP, true);
    assertEquals(3 * 4, closed.size(), "a loop returns toward the start without repeating it");
    assertArrayEquals(Interpolation.lerp(c.z(), A, 0.75), closed.get(11).z());
  }
}
