package dev.vgan.tools.cli;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.io.Safetensors;
import dev.vgan.engine.io.StateDicts;
import dev.vgan.engine.ops.Ops;
import dev.vgan.models.api.Generator;
import dev.vgan.models.api.LatentBatch;
import dev.vgan.models.api.LatentSpec;
import dev.vgan.models.zoo.GanModels;
import dev.vgan.tools.render.Grid;
import dev.vgan.tools.render.ImageTensors;
import dev.vgan.tools.render.Png;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vgan sample}: images from a checkpoint, as a PNG grid or a safetensors file of the raw images. */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Sample images from a trained generator: FILE.png (a grid) or FILE.safetensors (tensor 'images' "
        + "(N, C, H, W) in [-1, 1], 'z', and 'labels' for a conditional model).")
final class SampleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--checkpoint", required = true, description = "A checkpoint.safetensors from vgan train or import.")
  Path checkpoint;

  @Option(names = "--n", defaultValue = "64", description = "How many images (default ${DEFAULT-VALUE}).")
  int n;

  @Option(names = "--label", description = "The class of every image (conditional models; default: one class per grid row, cycling).")
  Integer label;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of z, labels and codes (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--z", description = "Explicit latent vectors: a safetensors file with tensor 'z' (N, zDim).")
  Path zFile;

  @Option(names = "--cols", defaultValue = "8", description = "Grid columns (default ${DEFAULT-VALUE}).")
  int cols;

  @Option(names = "--out", required = true, description = "FILE.png or FILE.safetensors.")
  Path out;

  @Override
  public Integer call() throws Exception {
    String name = out.getFileName().toString();
    boolean png = name.endsWith(".png");
    if (!png && !name.endsWith(".safetensors")) {
      throw new ParameterException(spec.commandLine(), "--out must end in .png or .safetensors, got " + out);
    }
    if (n < 1 || cols < 1) {
      throw new ParameterException(spec.commandLine(), "--n and --cols must be >= 1");
    }
    Generator g = GanModels.open(checkpoint);
    LatentSpec latent = g.latent();
    if (label != null && (!latent.conditional() || label < 0 || label >= latent.classes())) {
      throw new ParameterException(spec.commandLine(), latent.conditional()
          ? "--label must be in 0.." + (latent.classes() - 1) : "--label: this model is not conditional");
    }
    Tensor z = zFile == null ? null : readZ(latent);
    int count = z == null ? n : z.size(0);
    int[] classes = null;
    if (latent.conditional()) {
      classes = new int[count];
      for (int i = 0; i < count; i++) {
        classes[i] = label != null ? label : (i / cols) % latent.classes();   // one class per grid row
      }
    }
    LatentBatch in = LatentBatch.sample(latent, count, classes, Rng.seeded(seed));
    Tensor images = g.generate(z != null ? z : in.z(), in.labels(), in.codes());
    if (png) {
      Png.write(Grid.render(ImageTensors.toImages(images), cols, 1, 2), out);
    } else {
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      tensors.put("images", images);
      tensors.put("z", z != null ? z : in.z());
      if (classes != null) {
        float[] l = new float[count];
        for (int i = 0; i < count; i++) {
          l[i] = classes[i];
        }
        tensors.put("labels", Tensor.of(l, count));
      }
      if (in.codes() != null) {
        tensors.put("codes", in.codes());
      }
      StateDicts.write(tensors, out, Map.of("checkpoint", checkpoint.getFileName().toString()));
    }
    System.out.printf("wrote %d images to %s%n", count, out);
    return 0;
  }

  private Tensor readZ(LatentSpec latent) throws java.io.IOException {
    Safetensors.Content c = Safetensors.read(zFile);
    Safetensors.Entry e = c.tensors().get("z");
    if (e == null || e.shape().rank() != 2 || e.shape().dim(1) != latent.zDim()) {
      throw new ParameterException(spec.commandLine(), "--z: " + zFile + " needs a tensor 'z' of shape (N, "
          + latent.zDim() + ")" + (e == null ? "" : ", got " + e.shape()));
    }
    return Tensor.of(e.data(), e.shape());
  }
}
