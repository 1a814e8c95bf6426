package dev.vgan.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scans Java sources for import (and fully qualified) uses that cross DESIGN.md's dependency rules.
 * Shared with the other modules through the engine's test-jar.
 */
public final class ImportRules {
  private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

  /** One rule: sources whose package starts with {@code scope} must not reference {@code forbidden}. */
  public record Rule(String scope, String forbidden, String why) {}

  private ImportRules() {}

  /** All violations of {@code rules} in the {@code .java} files below {@code root}; empty when clean. */
  public static List<String> violations(Path root, List<Rule> rules) {
    List<String> found = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return found;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        found.addAll(violationsIn(file.toString(), text, rules));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** The violations in one source text (exposed so the rule checker itself can be tested). */
  public static List<String> violationsIn(String name, String source, List<Rule> rules) {
    Matcher pm = PACKAGE.matcher(source);
    String pkg = pm.find() ? pm.group(1) : "";
    List<String> referenced = new ArrayList<>();
    Matcher im = IMPORT.matcher(source);
    while (im.find()) {
      referenced.add(im.group(1));
    }
    // A fully qualified use (e.g. "jdk.incubator.vector.FloatVector.SPECIES_PREFERRED") counts too.
    String body = IMPORT.matcher(source).replaceAll("");
    List<String> found = new ArrayList<>();
    for (Rule rule : rules) {
      if (!pkg.startsWith(rule.scope())) {
        continue;
      }
      for (String ref : referenced) {
        if (ref.startsWith(rule.forbidden())) {
          found.add(name + ": " + pkg + " imports " + ref + " (" + rule.why() + ")");
        }
      }
      if (body.contains(rule.forbidden() + ".")) {
        found.add(name + ": " + pkg + " references " + rule.forbidden() + " by name (" + rule.why() + ")");
      }
    }
    return found;
  }

  /** The {@code src/main/java} folder of the module whose tests are running. */
  public static Path mainSources() {
    return Path.of("src", "main", "java");
  }
}
