package dev.vgan.models.eval;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Shape;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.core.TensorArena;
import dev.vgan.engine.io.StateDicts;
import dev.vgan.engine.loss.Losses;
import dev.vgan.engine.nn.BatchNorm2d;
import dev.vgan.engine.nn.Conv2d;
import dev.vgan.engine.nn.Dropout;
import dev.vgan.engine.nn.Flatten;
import dev.vgan.engine.nn.LeakyRelu;
import dev.vgan.engine.nn.Linear;
import dev.vgan.engine.nn.Module;
import dev.vgan.engine.nn.Relu;
import dev.vgan.engine.nn.Sequential;
import dev.vgan.engine.optim.Adam;
import dev.vgan.engine.optim.AdamConfig;
import dev.vgan.models.api.ImageSpec;
import dev.vgan.models.data.Batches;
import dev.vgan.models.data.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The evaluation classifier: a small CNN trained by vgan on a dataset's real training images. Its
 * 128-wide penultimate layer gives the features for FID; its predictions give conditional accuracy and
 * InfoGAN purity. Layers: a 4×4 stride-2 convolution (32 channels), a 3×3 one (64), a 4×4 stride-2 one
 * (64), batch norm after the last two, LeakyReLU 0.2; Linear to 128, ReLU (the features), dropout 0.5
 * while training, Linear to the classes. Training images are shifted by up to 2 pixels at random.
 */
public final class Classifier {
  /** Width of the feature layer. */
  public static final int FEATURES = 128;
  private static final int CHUNK = 256;

  private final ImageSpec image;
  private final int classes;
  private final Net net;

  /** The network, with PyTorch-style keys {@code body.*} and {@code head.*}. */
  static final class Net extends Module {
    final Sequential body;
    final Sequential head;

    Net(ImageSpec image, int classes, Rng rng) {
      int side = image.height() / 4 * (image.width() / 4);
      body = child("body", new Sequential(
          new Conv2d(image.channels(), 32, 4, 2, 1, true, rng),      // (N, 32, H/2, W/2)
          new LeakyRelu(0.2f),
          new Conv2d(32, 64, 3, 1, 1, true, rng),                    // (N, 64, H/2, W/2)
          new BatchNorm2d(64),
          new LeakyRelu(0.2f),
          new Conv2d(64, 64, 4, 2, 1, true, rng),                    // (N, 64, H/4, W/4)
          new BatchNorm2d(64),
          new LeakyRelu(0.2f),
          new Flatten(),                                             // (N, 64·H/4·W/4)
          new Linear(64 * side, FEATURES, rng),                      // (N, 128)
          new Relu()));
      head = child("head", new Sequential(new Dropout(0.5f, rng),      // training only
          new Linear(FEATURES, classes, rng)));                        // (N, classes)
    }

    @Override
    public Tensor forward(Tensor x) {
      return head.forward(body.forward(x));
    }
  }

  private Classifier(ImageSpec image, int classes, Net net) {
    this.image = image;
    this.classes = classes;
    this.net = net;
  }

  /**
   * Trains a classifier on {@code data} (labelled) for {@code epochs} with Adam(1e-3; 1e-4 for the last
   * quarter of the epochs) in batches of 64;
   * {@code progress} is told the epoch and the mean loss after each epoch.
   */
  public static Classifier train(Dataset data, int epochs, long seed, java.util.function.ObjIntConsumer<Double> progress) {
    if (!data.labelled()) {
      throw new IllegalArgumentException("classifier: the dataset has no labels to learn");
    }
    ImageSpec image = new ImageSpec(data.channels(), data.height(), data.width());
    Rng rng = Rng.seeded(seed);
    Net net = new Net(image, data.classes(), rng);
    Adam adam = new Adam(net.parameters(), AdamConfig.of(1e-3f, 0.9f, 0.999f));
    Batches batches = new Batches(data, Math.min(64, data.size()), rng);
    TensorArena arena = new TensorArena();
    net.train(true);
    for (int e = 1; e <= epochs; e++) {
      if (e > epochs - epochs / 4) {
        adam.setLearningRate(1e-4f);                       // the last quarter at a tenth: settles the weights
      }
      batches.shuffle();
      double sum = 0;
      for (int b = 0; b < batches.perEpoch(); b++) {
        Batches.Batch batch = batches.batch(b);
        try (var scope = arena.enter()) {
          adam.zeroGrad();
          Tensor loss = Losses.crossEntropy(net.forward(Augment.shift(batch.images(), 2, rng)), batch.labels());
          loss.backward();
          adam.step();
          sum += loss.item();
        }
      }
      progress.accept(sum / batches.perEpoch(), e);
    }
    net.eval();
    return new Classifier(image, data.classes(), net);
  }

  /** The images it judges. */
  public ImageSpec image() {
    return image;
  }

  /** The number of classes. */
  public int classes() {
    return classes;
  }

  /** Features {@code (N, 128)} of images {@code (N, C, H, W)}, row-major; evaluation mode, in chunks. */
  public float[] features(Tensor images) {
    return run(images, true);
  }

  /** The most likely class of each image. */
  public int[] predict(Tensor images) {
    float[] logits = run(images, false);
    int n = images.size(0);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int k = 1; k < classes; k++) {
        if (logits[i * classes + k] > logits[i * classes + best]) {
          best = k;
        }
      }
      out[i] = best;
    }
    return out;
  }

  /** The share of {@code data}'s images classified as their label. */
  public double accuracy(Dataset data) {
    int correct = 0;
    for (int start = 0; start < data.size(); start += CHUNK) {
      int n = Math.min(CHUNK, data.size() - start);
      int[] predicted = predict(Images.of(data, start, n));
      for (int i = 0; i < n; i++) {
        correct += predicted[i] == data.label(start + i) ? 1 : 0;
      }
    }
    return correct / (double) data.size();
  }

  private float[] run(Tensor images, boolean features) {
    int n = images.size(0), per = images.numel() / n, width = features ? FEATURES : classes;
    float[] out = new float[n * width];
    try (var off = Autograd.noGrad()) {
      for (int start = 0; start < n; start += CHUNK) {
        int m = Math.min(CHUNK, n - start);
        float[] part = new float[m * per];
        System.arraycopy(images.data(), start * per, part, 0, m * per);
        Tensor x = Tensor.of(part, Shape.of(m, image.channels(), image.height(), image.width()));
        Tensor y = features ? net.body.forward(x) : net.forward(x);
        System.arraycopy(y.data(), 0, out, start * width, m * width);
      }
    }
    return out;
  }

  /** Saves the weights with the image size and class count in the metadata. */
  public void save(Path file, double testAccuracy) throws IOException {
    StateDicts.save(net, file, Map.of("format", "vgan-classifier-1", "channels", "" + image.channels(),
        "height", "" + image.height(), "width", "" + image.width(), "classes", "" + classes,
        "test_accuracy", Double.toString(testAccuracy)));
  }

  /** Loads a classifier saved by {@link #save} for {@code image}s of {@code classes} classes. */
  public static Classifier load(Path file, ImageSpec image, int classes) throws IOException {
    Net net = new Net(image, classes, Rng.seeded(0));
    StateDicts.load(net, file);
    net.eval();
    return new Classifier(image, classes, net);
  }
}
