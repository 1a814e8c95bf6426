package dev.vgan.models.dcgan;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.loss.Losses;
import dev.vgan.engine.nn.Parameter;
import dev.vgan.engine.nn.Sequential;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.testing.Golden;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole W2 generator and discriminator, forward and backward in training mode, against PyTorch
 * (golden torch/w2.safetensors from engine's make_goldens.py). Weights come from a formula both sides
 * evaluate exactly, so the golden holds only inputs, outputs and (strided samples of) gradients.
 */
class Dcgan28ParityTest {
  private static final Map<String, Tensor> G = Golden.load(Dcgan28ParityTest.class, "w2");

  /** The script's {@code weyl}: a Weyl sequence in double, scaled, cast to float. */
  static float[] weyl(int n, int seed, double scale) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      long bits = (i * 2654435761L + seed * 40503L) & 0xFFFFFFFFL;
      double u = bits / 4294967296.0;
      out[i] = (float) (scale * (2.0 * u - 1.0));
    }
    return out;
  }

  /** The script's {@code formula_weights}: parameter j gets seed {@code seed0 + j}. */
  static void formulaWeights(Sequential model, int seed0) {
    List<Parameter> params = model.parameters();
    for (int j = 0; j < params.size(); j++) {
      Parameter p = params.get(j);
      Tensor t = p.value();
      boolean norm = p.path().endsWith("weight") && t.rank() == 1;
      int fan = t.rank() > 1 ? t.numel() / t.size(0) : 16;
      float[] w = weyl(t.numel(), seed0 + j, norm ? 1.0 : 1.0 / Math.sqrt(fan));
      for (int i = 0; i < w.length; i++) {
        t.data()[i] = norm ? w[i] + 1f : w[i];
      }
    }
  }

  /**
   * Per tensor, the parity criterion. A bias followed by a training-mode batch norm has a gradient of
   * exactly zero in exact arithmetic (the norm subtracts the mean), so both sides hold only rounding
   * noise there; such tensors (torch's largest value under 1e-6 of the network's largest gradient)
   * must instead be within 1e-4 of that largest gradient.
   */
  private static void compareSampled(String prefix, List<Parameter> tensors, boolean grads) {
    double scale = 0;
    for (Parameter p : tensors) {
      Tensor torch = G.get(prefix + p.path());
      for (float v : torch == null ? new float[0] : torch.data()) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    for (Parameter p : tensors) {
      Tensor torch = G.get(prefix + p.path());
      if (torch == null) {
        continue;                                   // buffers: only the running statistics are stored
      }
      Tensor ours = grads ? p.value().grad() : p.value();
      int stride = Math.max(1, (ours.numel() + 4095) / 4096);
      double max = 0;
      for (float v : torch.data()) {
        max = Math.max(max, Math.abs(v));
      }
      if (max < 1e-6 * scale) {
        for (int i = 0; i < torch.size(0); i++) {
          double d = Math.abs(ours.data()[i * stride] - torch.data()[i]);
          if (!(d <= Golden.REL * scale)) {
            throw new AssertionError(prefix + p.path() + " (analytically zero): |ours − torch| = " + d
                + " at " + i * stride + " exceeds " + Golden.REL * scale);
          }
        }
      } else {
        Golden.assertMatches(prefix + p.path(), torch.data(), ours.data(), stride);
      }
    }
  }

  @Test
  void generatorAndDiscriminatorMatchPyTorchForwardAndBackward() {
    Sequential gen = Dcgan28.generator(Rng.seeded(0));
    Sequential disc = Dcgan28.discriminator(Rng.seeded(0));
    formulaWeights(gen, 1);
    formulaWeights(disc, 101);
    Tensor z = Tensor.of(weyl(8 * 100, 7, 1.0), 8, 100);
    Golden.assertMatches("z formula", G.get("z"), z);

    Tensor fake = gen.forward(z);
    Tensor fakeLogits = disc.forward(fake);
    Tensor lossG = Losses.bceWithLogits(fakeLogits, 1f);
    lossG.backward();
    Golden.assertMatches("G(z)", G.get("fake"), fake);
    Golden.assertMatches("D(G(z))", G.get("fake_logits"), fakeLogits);
    Golden.assertMatches("loss G", G.get("loss_g"), lossG);
    compareSampled("gradG.", gen.parameters(), true);

    gen.zeroGrad();
    disc.zeroGrad();
    Tensor real = Tensor.of(weyl(8 * 784, 8, 1.0), 8, 1, 28, 28).requiresGrad(true);
    Tensor realLogits = disc.forward(real);
    Tensor lossD = Losses.bceWithLogits(realLogits, 1f);
    lossD.backward();
    Golden.assertMatches("D(x)", G.get("real_logits"), realLogits);
    Golden.assertMatches("loss D", G.get("loss_d"), lossD);
    Golden.assertMatches("dloss/dx", G.get("grad.real"), real.grad());
    compareSampled("gradD.", disc.parameters(), true);
    compareSampled("bufG.", gen.buffers(), false);
    compareSampled("bufD.", disc.buffers(), false);
  }
}
