package dev.vgan.models.zoo;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.io.Json;
import dev.vgan.engine.io.StateDicts;
import dev.vgan.engine.nn.Init;
import dev.vgan.models.api.GanConfig;
import dev.vgan.models.api.GanKind;
import dev.vgan.models.api.Generator;
import dev.vgan.models.api.ImageSpec;
import dev.vgan.models.api.LatentSpec;
import dev.vgan.models.blocks.GanDiscriminator;
import dev.vgan.models.blocks.GanGenerator;
import dev.vgan.models.checkpoint.Checkpoint;
import dev.vgan.engine.io.MalformedFileException;
import dev.vgan.models.train.GanStep;
import dev.vgan.models.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds any family from its config and opens trained generators from checkpoints. This is the one
 * place that knows every family; the trainer and the tools go through it.
 */
public final class GanModels {
  /**
   * A model, how it is trained, and on what.
   *
   * @param model the networks' config
   * @param train the training settings
   * @param data the {@code --data} it was trained on (a name or path), or null when unknown
   */
  public record Spec(GanConfig model, TrainConfig train, String data) {
    /** A spec without a dataset name. */
    public Spec(GanConfig model, TrainConfig train) {
      this(model, train, null);
    }

    /** The same spec, trained on {@code name}. */
    public Spec withData(String name) {
      return new Spec(model, train, name);
    }

    /** Both configs as the JSON a checkpoint stores: {@code {"model": {...}, "train": {...}}}. */
    public String toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", Json.parse(model.toJson()));
      m.put("train", train.toMap());
      if (data != null) {
        m.put("data", data);
      }
      return Json.write(m);
    }

    /** Reads {@link #toJson}. */
    @SuppressWarnings("unchecked")
    public static Spec fromJson(String json) {
      Map<String, Object> m = Json.parseObject(json);
      if (!(m.get("model") instanceof Map<?, ?> model) || !(m.get("train") instanceof Map<?, ?> train)) {
        throw new IllegalArgumentException("config: expected 'model' and 'train' objects");
      }
      return new Spec(GanConfig.fromJson(Json.write(model)), TrainConfig.fromMap((Map<String, Object>) train),
          m.get("data") instanceof String d ? d : null);
    }
  }

  private GanModels() {}

  /**
   * The default networks of a family for {@code image}s with {@code classes} labels (0 when unlabelled):
   * z of 100 (InfoGAN: 62 noise values, one categorical code with one value per class — 10 when
   * unlabelled — and 2 continuous codes, as the InfoGAN paper's MNIST model); width 128 for 28-pixel
   * images (the W2 networks), 64 otherwise.
   */
  public static GanConfig defaults(GanKind kind, ImageSpec image, int classes) {
    int width = image.height() == 28 ? 128 : 64;
    LatentSpec latent = switch (kind) {
      case DCGAN -> LatentSpec.noise(100);
      case INFOGAN -> new LatentSpec(62, 0, new int[] {classes > 1 ? classes : 10}, 2);
      case CGAN, ACGAN, WGANGP -> {
        if (classes < 1) {
          throw new IllegalArgumentException(kind.id() + " is conditional and needs labelled data"
              + (kind == GanKind.WGANGP ? " or clusters (--clusters K)" : "; use dcgan or infogan for unlabelled images"));
        }
        yield new LatentSpec(100, classes, new int[0], 0);
      }
    };
    return new GanConfig(kind, image, latent, width);
  }

  /** A fresh model (DCGAN initialization, from the train config's seed) and its training step. */
  public static GanStep create(Spec spec) {
    Rng rng = Rng.seeded(spec.train().seed());
    GanGenerator g = new GanGenerator(spec.model(), rng);
    GanDiscriminator d = new GanDiscriminator(spec.model(), rng);
    Init.dcgan(g, rng);
    Init.dcgan(d, rng);
    return new AdversarialStep(g, d, spec.train(), rng);
  }

  /** The config stored in a checkpoint. */
  public static Spec spec(Path checkpoint) throws IOException {
    String json = Checkpoint.config(checkpoint);
    try {
      return Spec.fromJson(json);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new MalformedFileException(checkpoint, "its model config cannot be read: " + e.getMessage());
    }
  }

  /**
   * Writes a generator-only checkpoint from a PyTorch state dict of the generator's body (the
   * {@code nn.Sequential} whose keys are {@code 0.weight}, {@code 1.running_mean}, ...), saved as
   * safetensors. Fails naming the file when a key is missing, extra or of another shape.
   */
  public static void importGenerator(GanConfig config, Path stateDict, Path checkpoint) throws IOException {
    GanGenerator g = new GanGenerator(config, Rng.seeded(0));
    StateDicts.load(g.main(), stateDict);
    Checkpoint.saveGenerator(checkpoint, g, new Spec(config, TrainConfig.defaults(config.kind(), 0)).toJson());
  }

  /** The trained generator of a checkpoint, ready to {@link Generator#generate}. */
  public static Generator open(Path checkpoint) throws IOException {
    Spec spec = spec(checkpoint);
    GanGenerator g = new GanGenerator(spec.model(), Rng.seeded(0));
    Checkpoint.loadGenerator(checkpoint, g);
    g.eval();
    return g;
  }
}
