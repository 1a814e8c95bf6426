package dev.vgan.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vgan.engine.kernel.simd.SimdBackend;
import dev.vgan.engine.testing.Fixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Kept packed weights against packing per call: the same bits on the three conv routes that take a weight
 * operand (a transposed convolution's forward at a batch of one and of several, a convolution's forward), and
 * evidence that the kept copy is what the GEMM reads — a weight changed behind the cache's back still gives
 * the old result until {@link FrozenWeights#clear} — while an array it was not given is packed afresh.
 */
class FrozenWeightsTest {
  /** A 4×4 stride-2 kernel, as W2's transposed convolutions: the phase col2im route. */
  private static final ConvGeometry G = ConvGeometry.square(16, 8, 8, 4, 2, 1);
  private static final int OUT = 24;
  private static final KernelBackend K = SimdBackend.INSTANCE;

  /** ConvTranspose2d forward: {@code backwardData} of the convolution G describes. */
  private static float[] transposedForward(int batch, float[] w, float[] x) {
    float[] y = new float[batch * G.imageSize()];
    ConvLowering.backwardData(K, G, batch, OUT, w, 0, x, 0, y, 0, false);
    return y;
  }

  private static float[] forward(int batch, float[] w, float[] x) {
    float[] y = new float[batch * OUT * G.colCols()];
    ConvLowering.forward(K, G, batch, OUT, x, 0, w, 0, y, 0);
    return y;
  }

  @Test
  void keptWeightsGiveTheBitsOfPackingPerCall() {
    Random rng = new Random(3);
    float[] w = Fixtures.uniform(rng, OUT * G.colRows());
    FrozenWeights frozen = new FrozenWeights(List.of(w));
    for (int batch : new int[] {1, 3, 9}) {
      float[] small = Fixtures.uniform(rng, batch * OUT * G.colCols());
      float[] images = Fixtures.uniform(rng, batch * G.imageSize());
      float[] plainT = transposedForward(batch, w, small), plainF = forward(batch, w, images);
      for (int call = 0; call < 2; call++) {   // the second call reads the copy the first one kept
        assertArrayEquals(plainT, frozen.run(() -> transposedForward(batch, w, small)), "transposed, batch " + batch);
        assertArrayEquals(plainF, frozen.run(() -> forward(batch, w, images)), "forward, batch " + batch);
      }
    }
    // One weight read two ways (transposed and not): two kept copies, whatever the batch.
    assertEquals(2, frozen.size());
  }

  @Test
  void theKeptCopyIsReadUntilCleared() {
    Random rng = new Random(4);
    float[] w = Fixtures.uniform(rng, OUT * G.colRows()), x = Fixtures.uniform(rng, 2 * OUT * G.colCols());
    FrozenWeights frozen = new FrozenWeights(List.of(w));
    float[] before = frozen.run(() -> transposedForward(2, w, x));
    Arrays.fill(w, 0, 16, 5f);                 // behind the cache's back
    float[] fresh = transposedForward(2, w, x);
    assertFalse(Arrays.equals(before, fresh), "the change must matter to the product");
    assertArrayEquals(before, frozen.run(() -> transposedForward(2, w, x)), "kept copy, old values");
    frozen.clear();
    assertArrayEquals(fresh, frozen.run(() -> transposedForward(2, w, x)), "after clear, the new values");
  }

  @Test
  void outsideItsScopeNothingIsKeptAndScopesNest() {
    Random rng = new Random(5);
    float[] w = Fixtures.uniform(rng, OUT * G.colRows()), x = Fixtures.uniform(rng, 2 * OUT * G.colCols());
    FrozenWeights outer = new FrozenWeights(List.of(w)), inner = new FrozenWeights(List.of(w));
    transposedForward(2, w, x);
    outer.run(() -> {
      inner.run(() -> transposedForward(2, w, x));
      return transposedForward(2, w, x);       // back in the outer scope
    });
    assertEquals(1, inner.size());
    assertEquals(1, outer.size());
    transposedForward(2, w, x);
    assertEquals(1, outer.size());
  }

  @Test
  void anArrayItWasNotGivenIsPackedAfreshEveryCall() {
    Random rng = new Random(6);
    float[] w = Fixtures.uniform(rng, OUT * G.colRows()), x = Fixtures.uniform(rng, 2 * OUT * G.colCols());
    float[] computed = w.clone();              // a weight made during the call, say a folded kernel
    FrozenWeights frozen = new FrozenWeights(List.of(w));
    float[] before = frozen.run(() -> transposedForward(2, computed, x));
    Arrays.fill(computed, 0, 16, 5f);
    assertArrayEquals(transposedForward(2, computed, x), frozen.run(() -> transposedForward(2, computed, x)));
    assertFalse(Arrays.equals(before, transposedForward(2, computed, x)));
    assertEquals(0, frozen.size());
  }
}
