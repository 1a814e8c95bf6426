package dev.vgan.models.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.models.api.LatentBatch;
import dev.vgan.models.api.LatentSpec;
import org.junit.jupiter.api.Test;

/** InfoGAN's information loss against its formula in double: cross-entropy per categorical code plus unit-variance Gaussian NLL. */
class InfoLossTest {
  @Test
  void matchesTheFormula() {
    LatentSpec spec = new LatentSpec(3, 0, new int[] {3, 2}, 2);
    LatentBatch drawn = LatentBatch.sample(spec, 4, null, Rng.seeded(5));
    Tensor q = Tensor.randn(Rng.seeded(6), 4, spec.codeDim());
    double want = 0;
    int[] sizes = {3, 2};
    int off = 0;
    for (int k = 0; k < 2; k++) {
      double ce = 0;
      for (int i = 0; i < 4; i++) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int j = 0; j < sizes[k]; j++) {
          max = Math.max(max, q.data()[i * 7 + off + j]);
        }
        for (int j = 0; j < sizes[k]; j++) {
          sum += Math.exp(q.data()[i * 7 + off + j] - max);
        }
        ce += max + Math.log(sum) - q.data()[i * 7 + off + drawn.categories()[k][i]];
      }
      want += ce / 4;
      off += sizes[k];
    }
    double nll = 0;
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 2; j++) {
        double diff = q.data()[i * 7 + off + j] - drawn.continuous().data()[i * 2 + j];
        nll += 0.5 * diff * diff;
      }
    }
    want += nll / 8;
    assertEquals(want, InfoLoss.of(q, drawn, spec).item(), 1e-5);
  }

  @Test
  void drawnCodesAreOneHotBlocksThenUniformValues() {
    LatentSpec spec = new LatentSpec(3, 0, new int[] {3, 2}, 2);
    LatentBatch b = LatentBatch.sample(spec, 50, null, Rng.seeded(1));
    for (int i = 0; i < 50; i++) {
      float[] c = b.codes().data();
      assertEquals(1f, c[i * 7 + b.categories()[0][i]]);
      assertEquals(1f, c[i * 7 + 3 + b.categories()[1][i]]);
      float ones = 0;
      for (int j = 0; j < 5; j++) {
        ones += c[i * 7 + j];
      }
      assertEquals(2f, ones);
      for (int j = 0; j < 2; j++) {
        float v = c[i * 7 + 5 + j];
        assertEquals(b.continuous().data()[i * 2 + j], v);
        assertEquals(true, v >= -1f && v <= 1f);
      }
    }
  }
}
