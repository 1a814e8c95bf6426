package dev.vgan.engine.io;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.nn.Module;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named tensors to and from safetensors files, with PyTorch's key names, so that
 * {@code safetensors.torch.save_file(model.state_dict(), f)} loads into the same architecture here and
 * what is saved here loads with {@code model.load_state_dict(load_file(f))}.
 */
public final class StateDicts {
  private StateDicts() {}

  /** Saves {@code module}'s state dict (parameters and buffers) atomically, with optional metadata. */
  public static void save(Module module, Path file, Map<String, String> metadata) throws IOException {
    write(module.stateDict(), file, metadata);
  }

  /** Loads a file into {@code module}: every key present with the right shape, none left over. */
  public static void load(Module module, Path file) throws IOException {
    Map<String, Tensor> values = read(file);
    try {
      module.loadStateDict(values);
    } catch (IllegalArgumentException e) {
      throw new MalformedFileException(file, "does not fit the model: " + e.getMessage());
    }
  }

  /** Writes named tensors as F32, in map order, atomically. */
  public static void write(Map<String, Tensor> tensors, Path file, Map<String, String> metadata) throws IOException {
    Map<String, Safetensors.Entry> entries = new LinkedHashMap<>();
    tensors.forEach((k, t) -> entries.put(k, Safetensors.Entry.f32(t.shape(), t.data())));
    Safetensors.write(file, entries, metadata);
  }

  /** Reads every tensor of a file as float32 (F16/BF16/integer dtypes converted), in file order. */
  public static Map<String, Tensor> read(Path file) throws IOException {
    Map<String, Tensor> out = new LinkedHashMap<>();
    Safetensors.read(file).tensors().forEach((k, e) -> out.put(k, Tensor.of(e.data(), e.shape())));
    return out;
  }
}
