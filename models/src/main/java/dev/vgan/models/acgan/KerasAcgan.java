package dev.vgan.models.acgan;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.nn.Conv2d;
import dev.vgan.engine.nn.Dropout;
import dev.vgan.engine.nn.Embedding;
import dev.vgan.engine.nn.Flatten;
import dev.vgan.engine.nn.LeakyRelu;
import dev.vgan.engine.nn.Linear;
import dev.vgan.engine.nn.Module;
import dev.vgan.engine.nn.Relu;
import dev.vgan.engine.nn.Sequential;
import dev.vgan.engine.nn.Unflatten;
import dev.vgan.engine.nn.Upsample;
import dev.vgan.engine.ops.Ops;

/**
 * The ACGAN of the Keras MNIST example (WORKLOADS.md W4), layer for layer:
 * <pre>
 * G: Embedding(10, 100) ⊙ z, Linear(100, 1024) ReLU, Linear(1024, 6272) ReLU, (128, 7, 7), Upsample ×2,
 *    Conv2d(128, 256, 5, p2) ReLU, Upsample ×2, Conv2d(256, 128, 5, p2) ReLU, Conv2d(128, 1, 2, 'same') Tanh
 * D: Conv2d(1, 32, 3, s2, p1) LReLU(0.2) Dropout(0.3), Conv2d(32, 64, 3, 1, 1) LReLU Dropout,
 *    Conv2d(64, 128, 3, s2, p1) LReLU Dropout, Conv2d(128, 256, 3, 1, 1) LReLU Dropout, Flatten,
 *    heads Linear(12544, 1) (real/fake logit) and Linear(12544, 10) (class logits)
 * </pre>
 * Keras's 'same' padding of the even 2×2 kernel puts the one padding row and column after the image;
 * padding 1 on both sides and dropping the first output row and column gives exactly that.
 */
public final class KerasAcgan {
  /** The latent size. */
  public static final int Z = 100;
  /** The classes (MNIST digits). */
  public static final int CLASSES = 10;

  private KerasAcgan() {}

  /** {@code (z (N, 100), classes) → images (N, 1, 28, 28)} in [-1, 1]. */
  public static final class Generator extends Module {
    private final Embedding embedding;
    private final Sequential main;

    /** Layers initialized from {@code rng}. */
    public Generator(Rng rng) {
      embedding = child("embedding", new Embedding(CLASSES, Z, rng));
      main = child("main", new Sequential(
          new Linear(Z, 1024, rng), new Relu(),                                  // (N, 1024)
          new Linear(1024, 128 * 7 * 7, rng), new Relu(),                        // (N, 6272)
          new Unflatten(128, 7, 7), new Upsample(2),                             // (N, 128, 14, 14)
          new Conv2d(128, 256, 5, 1, 2, true, rng), new Relu(), new Upsample(2), // (N, 256, 28, 28)
          new Conv2d(256, 128, 5, 1, 2, true, rng), new Relu(),                  // (N, 128, 28, 28)
          new Conv2d(128, 1, 2, 1, 1, true, rng)));                              // (N, 1, 29, 29)
    }

    /** Images for z (N, 100) and the classes (N). */
    public Tensor forward(Tensor z, int[] classes) {
      Tensor x = main.forward(Ops.mul(z, embedding.lookup(classes)));           // (N, 1, 29, 29)
      return Ops.tanh(Ops.narrow(Ops.narrow(x, 2, 1, 28), 3, 1, 28));         // (N, 1, 28, 28)
    }

    @Override
    public Tensor forward(Tensor z) {
      throw new UnsupportedOperationException("the ACGAN generator needs classes: forward(z, classes)");
    }
  }

  /** {@code images (N, 1, 28, 28) → (real/fake logit (N, 1), class logits (N, 10))}. */
  public static final class Discriminator extends Module {
    private final Sequential body;
    private final Linear adv;
    private final Linear aux;

    /** Layers initialized from {@code rng}; the dropout draws from it too. */
    public Discriminator(Rng rng) {
      body = child("body", new Sequential(
          new Conv2d(1, 32, 3, 2, 1, true, rng), new LeakyRelu(0.2f), new Dropout(0.3f, rng),    // (N, 32, 14, 14)
          new Conv2d(32, 64, 3, 1, 1, true, rng), new LeakyRelu(0.2f), new Dropout(0.3f, rng),   // (N, 64, 14, 14)
          new Conv2d(64, 128, 3, 2, 1, true, rng), new LeakyRelu(0.2f), new Dropout(0.3f, rng),  // (N, 128, 7, 7)
          new Conv2d(128, 256, 3, 1, 1, true, rng), new LeakyRelu(0.2f), new Dropout(0.3f, rng), // (N, 256, 7, 7)
          new Flatten()));                                                                       // (N, 12544)
      adv = child("adv", new Linear(256 * 7 * 7, 1, rng));
      aux = child("aux", new Linear(256 * 7 * 7, CLASSES, rng));
    }

    /** Both heads' logits. */
    public Tensor[] heads(Tensor images) {
      Tensor f = body.forward(images);
      return new Tensor[] {adv.forward(f), aux.forward(f)};
    }

    @Override
    public Tensor forward(Tensor images) {
      return heads(images)[0];
    }
  }
}
