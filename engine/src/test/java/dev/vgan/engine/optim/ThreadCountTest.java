package dev.vgan.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.kernel.Parallel;
import dev.vgan.engine.nn.BatchNorm2d;
import dev.vgan.engine.nn.Conv2d;
import dev.vgan.engine.nn.Flatten;
import dev.vgan.engine.nn.LeakyRelu;
import dev.vgan.engine.nn.Linear;
import dev.vgan.engine.nn.Sequential;
import dev.vgan.engine.testing.TrainingRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Training gives the same bits (weights and batch norm's running statistics) on one thread and on two:
 * every split over the threads (the GEMMs, batch norm's channels, the bias sums and broadcasts, Adam's ranges) must leave each value's arithmetic alone.
 * The layers are sized so that each of those splits does cut: a conv output of 32 × 8 × 16 × 16 values,
 * a Linear weight of 32K values for Adam.
 */
class ThreadCountTest {
  @Test
  void trainingGivesTheSameWeightsOnOneAndOnTwoThreads() {
    int saved = Parallel.threads();
    try {
      Parallel.setThreads(1);
      List<float[]> one = train();
      Parallel.setThreads(2);
      List<float[]> two = train();
      assertTrue(one.size() > 5);
      for (int i = 0; i < one.size(); i++) {
        assertArrayEquals(one.get(i), two.get(i), "parameter or buffer " + i);
      }
    } finally {
      Parallel.setThreads(saved);
    }
  }

  private static List<float[]> train() {
    Rng rng = Rng.seeded(9);
    Sequential net = new Sequential(new Conv2d(3, 8, 3, 1, 1, true, rng), new BatchNorm2d(8), new LeakyRelu(0.2f),
        new Conv2d(8, 8, 4, 2, 1, true, rng), new Flatten(), new Linear(8 * 8 * 8, 64, rng), new LeakyRelu(0.2f),
        new Linear(64, 1, rng));
    Adam opt = new Adam(net.parameters(), AdamConfig.of(1e-2f, 0.5f, 0.999f));
    for (int step = 0; step < 3; step++) {
      TrainingRuns.step(net, opt, Tensor.randn(rng, 32, 3, 16, 16), step % 2);
    }
    return TrainingRuns.state(net);
  }
}
