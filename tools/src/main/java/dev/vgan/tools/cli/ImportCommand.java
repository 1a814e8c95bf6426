package dev.vgan.tools.cli;

import dev.vgan.models.api.GanConfig;
import dev.vgan.models.api.GanKind;
import dev.vgan.models.api.ImageSpec;
import dev.vgan.models.api.LatentSpec;
import dev.vgan.models.zoo.GanModels;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vgan import}: turns a PyTorch generator's state dict, saved as safetensors, into a vgan checkpoint
 * that {@code vgan sample} and the latent tools open.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import a PyTorch generator (a state_dict saved with safetensors) as a vgan checkpoint.")
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--arch", required = true,
      description = "The generator's architecture: dcgan28 (the W2 nn.Sequential of WORKLOADS.md, keys 0.weight ...).")
  String arch;

  @Option(names = "--generator", required = true, description = "The PyTorch state dict as .safetensors.")
  Path generator;

  @Option(names = "--out", required = true, description = "The checkpoint to write.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!arch.equals("dcgan28")) {
      throw new ParameterException(spec.commandLine(), "--arch: unknown architecture '" + arch + "'; known: dcgan28");
    }
    GanConfig config = new GanConfig(GanKind.DCGAN, new ImageSpec(1, 28, 28), LatentSpec.noise(100), 128);
    GanModels.importGenerator(config, generator, out);
    System.out.printf("imported the %s generator %s into %s%n", arch, generator, out);
    return 0;
  }
}
