package dev.vgan.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackendsTest {

  @Test
  void usesSimdWhenTheVectorModuleIsPresent() {
    assertTrue(Backends.vectorModulePresent(), "surefire runs with --add-modules jdk.incubator.vector");
    assertTrue(Backends.get().name().startsWith("simd-"), Backends.get().name());
    assertTrue(Backends.reason().contains("jdk.incubator.vector is present"), Backends.reason());
  }

  @Test
  void aJvmWithoutTheFlagFallsBackToScalarWithOneHintAndCorrectResults() throws Exception {
    Result r = runProbe(List.of());
    assertEquals(0, r.exit, r.output);
    assertTrue(r.output.contains("backend=scalar"), r.output);
    assertTrue(r.output.contains("gemm=4.0,5.0,10.0,11.0"), r.output);
    long hints = r.output.lines().filter(l -> l.contains("--add-modules jdk.incubator.vector")).count();
    assertEquals(1, hints, r.output);
  }

  @Test
  void theScalarBackendCanBeForced() throws Exception {
    Result r = runProbe(List.of("--add-modules", "jdk.incubator.vector", "-Dengine.backend=scalar"));
    assertEquals(0, r.exit, r.output);
    assertTrue(r.output.contains("backend=scalar"), r.output);
  }

  @Test
  void aNarrowerVectorWidthCanBeForced() throws Exception {
    Result r = runProbe(List.of("--add-modules", "jdk.incubator.vector", "-Dengine.vectorBits=128"));
    assertEquals(0, r.exit, r.output);
    assertTrue(r.output.contains("backend=simd-128"), r.output);
    assertTrue(r.output.contains("gemm=4.0,5.0,10.0,11.0"), r.output);
  }

  @Test
  void anUnknownBackendNameFailsWithTheChoices() throws Exception {
    Result r = runProbe(List.of("-Dengine.backend=gpu"));
    assertTrue(r.exit != 0, r.output);
    assertTrue(r.output.contains("engine.backend must be auto, simd or scalar, got 'gpu'"), r.output);
  }

  @Test
  void transcendentalKernelsGiveTheSameBitsInterpretedAndCompiled() throws Exception {
    List<String> simd = List.of("--add-modules", "jdk.incubator.vector");
    Result interpreted = runProbe(concat(simd, "-Xint"), "1");
    Result compiled = runProbe(simd, "3000");       // long enough for C2 to compile the kernels
    assertEquals(0, interpreted.exit, interpreted.output);
    assertEquals(0, compiled.exit, compiled.output);
    // Both children run at the JVM's preferred width (this JVM may be narrower: the lane tree, and so a
    // softmax's sum, depends on the width).
    String digest = interpreted.output.lines().filter(l -> l.startsWith("math=")).findFirst().orElseThrow();
    assertTrue(compiled.output.contains(digest), compiled.output + " vs interpreted " + digest);
  }

  private static List<String> concat(List<String> a, String b) {
    List<String> out = new ArrayList<>(a);
    out.add(b);
    return out;
  }

  record Result(int exit, String output) {}

  private static Result runProbe(List<String> jvmArgs, String... args) throws IOException, InterruptedException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = Path.of("target", "classes") + java.io.File.pathSeparator + Path.of("target", "test-classes");
    List<String> cmd = new ArrayList<>(List.of(javaBin));
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of("-cp", cp, BackendProbe.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe JVM timed out");
    return new Result(p.exitValue(), out);
  }
}
