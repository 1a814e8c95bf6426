package dev.vgan.tools.cli;

import dev.vgan.engine.io.Json;
import dev.vgan.models.api.Generator;
import dev.vgan.models.eval.Evaluation;
import dev.vgan.models.zoo.GanModels;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vgan eval}: conditional accuracy, classifier-feature FID and InfoGAN purity of a checkpoint. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure a trained generator with a classifier trained on the real data (trained once, cached).")
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--checkpoint", description = "A checkpoint from vgan train; without one, only the classifier of --data is trained (or read from the cache) and its test accuracy shown.")
  Path checkpoint;

  @Option(names = "--data", description = "The labelled dataset to measure against (default: the one it was trained on).")
  String data;

  @Option(names = "--n", defaultValue = "2000", description = "Images generated per figure (default ${DEFAULT-VALUE}).")
  int n;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the generated images (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (n < 2) {
      throw new ParameterException(spec.commandLine(), "--n must be >= 2");
    }
    if (checkpoint == null) {
      if (data == null) {
        throw new ParameterException(spec.commandLine(), "give --checkpoint, --data or both");
      }
      Evaluation.Trained t = Evaluation.classifier(data, json ? System.err : System.out);
      System.out.println(json ? Json.write(Map.of("data", data, "classifier_test_accuracy", t.testAccuracy()))
          : String.format(Locale.ROOT, "%s: evaluation classifier test accuracy %.2f%%", data, 100 * t.testAccuracy()));
      return 0;
    }
    GanModels.Spec s = GanModels.spec(checkpoint);
    String dataset = data != null ? data : s.data();
    if (dataset == null) {
      throw new ParameterException(spec.commandLine(), "the checkpoint does not say what it was trained on: give --data");
    }
    Generator g = GanModels.open(checkpoint);
    Evaluation.Report r = Evaluation.run(g, dataset, n, seed, json ? System.err : System.out);
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("checkpoint", checkpoint.toString());
      m.put("model", s.model().kind().id());
      m.put("data", r.data());
      m.put("classifier_test_accuracy", r.classifierAccuracy());
      m.put("conditional_accuracy", finiteOrNull(r.conditionalAccuracy()));
      m.put("matched_conditional_accuracy", finiteOrNull(r.matchedAccuracy()));
      m.put("purity", finiteOrNull(r.purity()));
      m.put("fid", r.fid());
      m.put("samples", r.samples());
      System.out.println(Json.write(m));
    } else {
      System.out.printf(Locale.ROOT, "%s (%s) on %s, %d samples per figure%n", checkpoint, s.model().kind().id(), r.data(),
          r.samples());
      System.out.printf(Locale.ROOT, "  classifier test accuracy  %.2f%%%n", 100 * r.classifierAccuracy());
      if (!Double.isNaN(r.conditionalAccuracy())) {
        System.out.printf(Locale.ROOT, "  conditional accuracy      %.2f%%%n", 100 * r.conditionalAccuracy());
      }
      if (!Double.isNaN(r.matchedAccuracy())) {
        System.out.printf(Locale.ROOT, "  ... labels matched        %.2f%% (labels matched one-to-one to classes)%n",
            100 * r.matchedAccuracy());
      }
      if (!Double.isNaN(r.purity())) {
        System.out.printf(Locale.ROOT, "  code purity               %.2f%%%n", 100 * r.purity());
      }
      System.out.printf(Locale.ROOT, "  FID (classifier features) %.3f%n", r.fid());
    }
    return 0;
  }

  private static Object finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
