package dev.vgan.models.acgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.nn.Conv2d;
import dev.vgan.engine.ops.Ops;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KerasAcganTest {
  /** Keras 'same' for a 2×2 kernel pads one row and column after the image only; computed here by loops. */
  @Test
  void paddingOneAndDroppingTheFirstRowAndColumnIsKerasSameForAnEvenKernel() {
    Rng rng = Rng.seeded(3);
    Conv2d conv = new Conv2d(2, 1, 2, 1, 1, true, rng);
    Tensor x = Tensor.randn(rng, 1, 2, 5, 5);
    Tensor ours;
    try (var off = Autograd.noGrad()) {
      ours = Ops.narrow(Ops.narrow(conv.forward(x), 2, 1, 5), 3, 1, 5);
    }
    float[] w = conv.weight().data(), xd = x.data();
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        double s = conv.bias().data()[0];
        for (int c = 0; c < 2; c++) {
          for (int di = 0; di < 2; di++) {
            for (int dj = 0; dj < 2; dj++) {
              if (i + di < 5 && j + dj < 5) {                       // zero padding after the image
                s += w[(c * 2 + di) * 2 + dj] * xd[(c * 5 + i + di) * 5 + j + dj];
              }
            }
          }
        }
        assertEquals(s, ours.data()[i * 5 + j], 1e-5, "pixel " + i + "," + j);
      }
    }
  }

  @Test
  void aStepHasFiniteLossesAndMovesBothNetworks() {
    Rng rng = Rng.seeded(5);
    var g = new KerasAcgan.Generator(rng);
    var d = new KerasAcgan.Discriminator(rng);
    float[] g0 = g.parameters().get(1).value().data().clone(), d0 = d.parameters().get(0).value().data().clone();
    Tensor real = Tensor.uniform(rng, -1f, 1f, 4, 1, 28, 28);
    float[] losses = new KerasAcganStep(g, d, rng).step(real, new int[] {0, 3, 7, 9});
    assertTrue(Float.isFinite(losses[0]) && Float.isFinite(losses[1]), Arrays.toString(losses));
    assertFalse(Arrays.equals(g0, g.parameters().get(1).value().data()), "G moved");
    assertFalse(Arrays.equals(d0, d.parameters().get(0).value().data()), "D moved");
    Tensor images;
    try (var off = Autograd.noGrad()) {
      images = g.forward(Tensor.uniform(rng, -1f, 1f, 2, KerasAcgan.Z), new int[] {1, 2});
    }
    assertEquals(java.util.List.of(2, 1, 28, 28), Arrays.stream(images.shape().dims()).boxed().toList());
  }
}
