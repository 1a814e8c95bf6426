package dev.vgan.engine.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.nn.BatchNorm2d;
import dev.vgan.engine.nn.Conv2d;
import dev.vgan.engine.nn.ConvTranspose2d;
import dev.vgan.engine.nn.Flatten;
import dev.vgan.engine.nn.LeakyRelu;
import dev.vgan.engine.nn.Linear;
import dev.vgan.engine.nn.Relu;
import dev.vgan.engine.nn.Sequential;
import dev.vgan.engine.nn.Tanh;
import dev.vgan.engine.optim.Adam;
import dev.vgan.engine.optim.AdamConfig;
import dev.vgan.engine.testing.TrainingRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorArenaTest {
  @Test
  void storageIsReusedAcrossScopesAndZerosAreZero() {
    TensorArena arena = new TensorArena();
    float[] first;
    try (var s = arena.enter()) {
      Tensor t = Tensor.full(7f, 64, 64);
      first = t.data();
      assertTrue(TensorArena.isActive());
    }
    assertFalse(TensorArena.isActive());
    assertEquals(4L * 64 * 64, arena.bytesHeld());
    try (var s = arena.enter()) {
      Tensor z = Tensor.zeros(64, 64);
      assertSame(first, z.data(), "the same storage comes back");
      for (float v : z.data()) {
        assertEquals(0f, v);
      }
      Tensor other = Tensor.zeros(64, 64);                  // the pool is empty now: fresh storage
      assertFalse(other.data() == first);
    }
    try (var s = arena.enter()) {
      assertThrows(IllegalStateException.class, arena::enter);
      assertThrows(IllegalStateException.class, () -> new Linear(3, 2, Rng.seeded(1)));
    }
  }

  @Test
  void trimKeepsOnlyWhatTheLastScopeUsed() {
    TensorArena arena = new TensorArena();
    try (var s = arena.enter()) {
      Tensor.zeros(64, 64);
      Tensor.zeros(32, 64);
    }
    try (var s = arena.enter()) {
      Tensor.zeros(32, 64);
      Tensor.zeros(16, 64);
    }
    arena.trim();
    assertEquals(4L * (32 * 64 + 16 * 64), arena.bytesHeld(), "the 64×64 array was not used last time");
  }

  @Test
  void trainingInAnArenaGivesBitIdenticalWeights() {
    List<float[]> plain = train(false), pooled = train(true);
    for (int i = 0; i < plain.size(); i++) {
      assertArrayEquals(plain.get(i), pooled.get(i), "parameter " + i);
    }
  }

  private static List<float[]> train(boolean arena) {
    Rng rng = Rng.seeded(3);
    // Every layer kind whose backward writes a gradient's first contribution into recycled storage (which
    // holds the last step's values, not zeros): a missed element would make the weights differ.
    Sequential net = new Sequential(new Conv2d(2, 2, 3, 1, 1, true, rng), new ConvTranspose2d(2, 4, 4, 2, 1, true, rng),
        new Relu(),
        new Conv2d(4, 8, 3, 2, 1, true, rng), new BatchNorm2d(8), new LeakyRelu(0.2f), new Tanh(),
        new Conv2d(8, 8, 4, 2, 1, true, rng), new Flatten(), new Linear(8 * 4 * 4, 1, rng));
    Adam opt = new Adam(net.parameters(), AdamConfig.of(1e-2f, 0.5f, 0.999f));
    TensorArena pool = new TensorArena();
    for (int step = 0; step < 5; step++) {
      try (var s = arena ? pool.enter() : null) {
        TrainingRuns.step(net, opt, Tensor.randn(rng, 16, 2, 8, 8), step % 2);
      }
    }
    return TrainingRuns.state(net);
  }
}
