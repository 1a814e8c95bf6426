package dev.vgan.tools.latent;

import dev.vgan.engine.io.AtomicFiles;
import dev.vgan.engine.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Semantic directions found in a latent space: unit vectors, strongest first, each with a scale (an
 * eigenvalue for SeFa, a standard deviation for PCA), the space they move, and the SHA-256 of the
 * checkpoint they belong to. Saved as JSON; loading against another checkpoint fails.
 *
 * @param method how they were found ("sefa", "pca", "attribute")
 * @param space what they move: "z" or "label"
 * @param scaleKind what {@code scales} holds ("eigenvalue", "sigma", "norm")
 * @param vectors k unit vectors of the space's width
 * @param scales one per vector
 * @param checkpointSha256 the checkpoint file's hash
 */
public record Directions(String method, String space, String scaleKind, float[][] vectors, double[] scales,
    String checkpointSha256) {
  /** Checks that there is one scale per vector and that the vectors have one width. */
  public Directions {
    if (vectors.length != scales.length || vectors.length == 0) {
      throw new IllegalArgumentException("directions: " + vectors.length + " vectors and " + scales.length + " scales");
    }
    for (float[] v : vectors) {
      if (v.length != vectors[0].length) {
        throw new IllegalArgumentException("directions: vectors of different widths");
      }
    }
    if (!space.equals("z") && !space.equals("label")) {
      throw new IllegalArgumentException("directions: space must be z or label, got " + space);
    }
  }

  /** How many directions. */
  public int count() {
    return vectors.length;
  }

  /** {@code p} moved by α along direction {@code i}. */
  public LatentPoint move(LatentPoint p, int i, double alpha) {
    return space.equals("z") ? p.withZ(AttributeVectors.apply(p.z(), vectors[i], alpha))
        : p.withLabel(AttributeVectors.apply(p.label(), vectors[i], alpha));
  }

  /** The JSON form. */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "vgan-directions-1");
    m.put("method", method);
    m.put("space", space);
    m.put("scale_kind", scaleKind);
    m.put("checkpoint_sha256", checkpointSha256);
    List<Object> list = new ArrayList<>();
    for (int i = 0; i < vectors.length; i++) {
      List<Object> v = new ArrayList<>();
      for (float x : vectors[i]) {
        v.add(x);
      }
      list.add(Map.of("scale", scales[i], "vector", v));
    }
    m.put("directions", list);
    return Json.write(m);
  }

  /** Reads the JSON form. */
  @SuppressWarnings("unchecked")
  public static Directions fromJson(String json) {
    Map<String, Object> m = Json.parseObject(json);
    if (!"vgan-directions-1".equals(m.get("format"))) {
      throw new IllegalArgumentException("not a vgan directions file (format " + m.get("format") + ")");
    }
    List<Object> list = (List<Object>) m.get("directions");
    float[][] vectors = new float[list.size()][];
    double[] scales = new double[list.size()];
    for (int i = 0; i < list.size(); i++) {
      Map<String, Object> d = (Map<String, Object>) list.get(i);
      scales[i] = ((Number) d.get("scale")).doubleValue();
      List<Object> v = (List<Object>) d.get("vector");
      vectors[i] = new float[v.size()];
      for (int j = 0; j < v.size(); j++) {
        vectors[i][j] = ((Number) v.get(j)).floatValue();
      }
    }
    return new Directions((String) m.get("method"), (String) m.get("space"), (String) m.get("scale_kind"), vectors,
        scales, (String) m.get("checkpoint_sha256"));
  }

  /** Writes the JSON form atomically. */
  public void save(Path file) throws IOException {
    AtomicFiles.write(file, out -> out.write(toJson().getBytes(StandardCharsets.UTF_8)));
  }

  /** Reads {@code file}; fails naming both hashes when it was made for another checkpoint than {@code sha256}. */
  public static Directions load(Path file, String sha256) throws IOException {
    Directions d;
    try {
      d = fromJson(Files.readString(file));
    } catch (RuntimeException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    if (sha256 != null && !sha256.equals(d.checkpointSha256())) {
      throw new IOException(file + " was made for checkpoint " + d.checkpointSha256() + ", not this one (" + sha256 + ")");
    }
    return d;
  }
}
