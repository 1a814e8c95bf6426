package dev.vgan.models.checkpoint;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.io.MalformedFileException;
import dev.vgan.engine.io.Safetensors;
import dev.vgan.engine.io.StateDicts;
import dev.vgan.engine.nn.Module;
import dev.vgan.engine.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training run in one safetensors file, written atomically: both networks' state dicts (keys
 * {@code generator.*} and {@code discriminator.*}, PyTorch names below the prefix), both optimizers'
 * state ({@code optimizer_g.*}, {@code optimizer_d.*}), and in the metadata the format, the model config
 * (JSON), the random generator's state and the step and epoch counters — everything a resumed run needs
 * to continue bit for bit.
 */
public final class Checkpoint {
  /** The metadata value of {@code format}. */
  public static final String FORMAT = "vgan-checkpoint-1";
  private static final String GENERATOR = "generator.";
  private static final String DISCRIMINATOR = "discriminator.";
  private static final String OPT_G = "optimizer_g.";
  private static final String OPT_D = "optimizer_d.";
  private static final String GENERATOR_ONLY = "generator-only";

  /**
   * What a checkpoint holds besides tensors.
   *
   * @param config the model config as JSON
   * @param rngState the four longs of the run's {@code Rng}
   * @param step training steps done
   * @param epoch epochs done
   */
  public record Progress(String config, long[] rngState, long step, int epoch) {}

  private Checkpoint() {}

  /** Writes the run's state to {@code file} (temp file and rename: a crash leaves the old file whole). */
  public static void save(Path file, Module generator, Module discriminator, Optimizer optG, Optimizer optD,
      Progress progress) throws IOException {
    Map<String, Tensor> all = new LinkedHashMap<>();
    generator.stateDict().forEach((k, v) -> all.put(GENERATOR + k, v));
    discriminator.stateDict().forEach((k, v) -> all.put(DISCRIMINATOR + k, v));
    optG.state().forEach((k, v) -> all.put(OPT_G + k, v));
    optD.state().forEach((k, v) -> all.put(OPT_D + k, v));
    long[] r = progress.rngState();
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", FORMAT);
    meta.put("config", progress.config());
    meta.put("rng", r[0] + "," + r[1] + "," + r[2] + "," + r[3]);
    meta.put("step", Long.toString(progress.step()));
    meta.put("epoch", Integer.toString(progress.epoch()));
    StateDicts.write(all, file, meta);
  }

  /**
   * Loads {@code file} into the given networks and optimizers (which must be built from the same config)
   * and returns the progress to continue from. Fails naming the file when it is not a vgan checkpoint or
   * does not fit the networks.
   */
  public static Progress restore(Path file, Module generator, Module discriminator, Optimizer optG, Optimizer optD)
      throws IOException {
    Safetensors.Content content = Safetensors.read(file);
    Map<String, String> meta = checkedMetadata(file, content);
    if (GENERATOR_ONLY.equals(meta.get("contents"))) {
      throw new MalformedFileException(file, "holds a generator only (an imported model): it can be sampled "
          + "from, not resumed");
    }
    Map<String, Tensor> all = tensors(content);
    try {
      generator.loadStateDict(part(all, GENERATOR));
      discriminator.loadStateDict(part(all, DISCRIMINATOR));
      optG.loadState(part(all, OPT_G));
      optD.loadState(part(all, OPT_D));
      return new Progress(meta.get("config"), parseRng(meta.get("rng")), Long.parseLong(meta.get("step")),
          Integer.parseInt(meta.get("epoch")));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new MalformedFileException(file, "does not fit this model: " + e.getMessage());
    }
  }

  /**
   * Writes a checkpoint that holds a generator only (an imported one): it can be sampled from and
   * explored, but not resumed.
   */
  public static void saveGenerator(Path file, Module generator, String config) throws IOException {
    Map<String, Tensor> all = new LinkedHashMap<>();
    generator.stateDict().forEach((k, v) -> all.put(GENERATOR + k, v));
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", FORMAT);
    meta.put("config", config);
    meta.put("contents", GENERATOR_ONLY);
    StateDicts.write(all, file, meta);
  }

  /** The model config (JSON) stored in {@code file}. */
  public static String config(Path file) throws IOException {
    Map<String, String> meta = checkedMetadata(file, Safetensors.read(file));
    String config = meta.get("config");
    if (config == null) {
      throw new MalformedFileException(file, "the checkpoint has no model config in its metadata");
    }
    return config;
  }

  /** Loads only the generator's weights from {@code file} into {@code generator}. */
  public static void loadGenerator(Path file, Module generator) throws IOException {
    Safetensors.Content content = Safetensors.read(file);
    checkedMetadata(file, content);
    try {
      generator.loadStateDict(part(tensors(content), GENERATOR));
    } catch (IllegalArgumentException e) {
      throw new MalformedFileException(file, "does not fit this model: " + e.getMessage());
    }
  }

  private static Map<String, String> checkedMetadata(Path file, Safetensors.Content content) throws IOException {
    Map<String, String> meta = content.metadata();
    if (!FORMAT.equals(meta.get("format"))) {
      throw new MalformedFileException(file, "not a vgan checkpoint (metadata format is "
          + (meta.get("format") == null ? "missing" : "'" + meta.get("format") + "'") + ", expected '" + FORMAT + "')");
    }
    return meta;
  }

  private static Map<String, Tensor> tensors(Safetensors.Content content) {
    Map<String, Tensor> all = new LinkedHashMap<>();
    content.tensors().forEach((k, e) -> all.put(k, Tensor.of(e.data(), e.shape())));
    return all;
  }

  /** The entries under {@code prefix}, with the prefix removed. */
  private static Map<String, Tensor> part(Map<String, Tensor> all, String prefix) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    all.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  private static long[] parseRng(String s) {
    String[] parts = s.split(",");
    if (parts.length != 4) {
      throw new IllegalArgumentException("rng state '" + s + "' is not four numbers");
    }
    long[] r = new long[4];
    for (int i = 0; i < 4; i++) {
      r[i] = Long.parseLong(parts[i].trim());
    }
    return r;
  }
}
