package dev.vgan.engine.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vgan.engine.nn.BatchNorm1d;
import dev.vgan.engine.nn.BatchNorm2d;
import dev.vgan.engine.nn.ConvTranspose2d;
import dev.vgan.engine.nn.Linear;
import dev.vgan.engine.nn.Relu;
import dev.vgan.engine.nn.Sequential;
import dev.vgan.engine.nn.Tanh;
import dev.vgan.engine.nn.Unflatten;
import org.junit.jupiter.api.Test;

class InferenceTest {
  private static Sequential generator() {
    Rng rng = Rng.seeded(4);
    Sequential g = new Sequential(new Linear(8, 32 * 4 * 4, rng), new BatchNorm1d(32 * 4 * 4), new Relu(),
        new Unflatten(32, 4, 4), new ConvTranspose2d(32, 16, 4, 2, 1, true, rng), new BatchNorm2d(16),
        new Relu(), new ConvTranspose2d(16, 1, 4, 2, 1, true, rng), new Tanh());
    g.forward(Tensor.randn(rng, 16, 8));                      // running statistics that are not 0 and 1
    g.eval();
    return g;
  }

  @Test
  void resultsEqualThePlainForwardAndOutliveLaterCalls() {
    Sequential g = generator();
    Inference inference = new Inference();
    // Outputs of 4 × 256 floats come from the arena; two calls of one shape in a row reuse its storage.
    Tensor[] inputs = {Tensor.randn(Rng.seeded(1), 4, 8), Tensor.randn(Rng.seeded(2), 4, 8),
        Tensor.randn(Rng.seeded(3), 5, 8)};
    Tensor[] results = new Tensor[inputs.length];
    for (int round = 0; round < 2; round++) {         // the second round runs on recycled storage
      for (int i = 0; i < inputs.length; i++) {
        Tensor z = inputs[i];
        results[i] = inference.run(() -> g.forward(z));
      }
    }
    for (int i = 0; i < inputs.length; i++) {
      float[] plain;
      try (var off = Autograd.noGrad()) {
        plain = g.forward(inputs[i]).data();
      }
      assertEquals(Shape.of(inputs[i].size(0), 1, 16, 16), results[i].shape());
      assertArrayEquals(plain, results[i].data(), "input " + i + ", after the later calls");
      assertNull(results[i].node(), "no graph is recorded");
    }
    assertFalse(TensorArena.isActive());
  }

  @Test
  void insideAnotherArenaItRunsInThatScope() {
    Sequential g = generator();
    Tensor z = Tensor.randn(Rng.seeded(1), 2, 8);
    float[] plain;
    try (var off = Autograd.noGrad()) {
      plain = g.forward(z).data();
    }
    TensorArena outer = new TensorArena();
    try (var s = outer.enter()) {
      assertArrayEquals(plain, new Inference().run(() -> g.forward(z)).data());
    }
  }
}
