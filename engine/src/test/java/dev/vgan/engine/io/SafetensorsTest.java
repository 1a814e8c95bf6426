package dev.vgan.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.core.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
  @TempDir Path dir;

  private Path resource(String name) throws IOException {
    Path p = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/safetensors/" + name)) {
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  @SuppressWarnings("unchecked")
  void readsAFileWrittenByAnIndependentPythonWriter() throws IOException {
    Safetensors.Content c = Safetensors.read(resource("golden.safetensors"));
    Map<String, Object> expected = (Map<String, Object>) StrictJson.parse(
        Files.readString(resource("golden.json")));
    assertEquals(expected.get("__metadata__"), c.metadata());
    for (Map.Entry<String, Object> e : expected.entrySet()) {
      if (e.getKey().equals("__metadata__")) {
        continue;
      }
      Map<String, Object> want = (Map<String, Object>) e.getValue();
      Safetensors.Entry got = c.tensors().get(e.getKey());
      assertEquals(want.get("dtype"), got.dtype(), e.getKey());
      int[] dims = ((List<Object>) want.get("shape")).stream().mapToInt(o -> ((Long) o).intValue()).toArray();
      assertEquals(Shape.of(dims), got.shape(), e.getKey());
      int[] bits = ((List<Object>) want.get("float_bits")).stream().mapToInt(o -> ((Long) o).intValue()).toArray();
      int[] gotBits = new int[got.data().length];
      for (int i = 0; i < gotBits.length; i++) {
        gotBits[i] = Float.floatToRawIntBits(got.data()[i]);
      }
      assertArrayEquals(bits, gotBits, e.getKey());
    }
    // Tensors come back in file (offset) order.
    assertEquals(List.of("half", "main.0.weight", "empty", "brain", "main.1.num_batches_tracked"),
        List.copyOf(c.tensors().keySet()));
  }

  @Test
  void writesWhatItReadsAndAlignsTheData() throws IOException {
    Map<String, Safetensors.Entry> tensors = new LinkedHashMap<>();
    tensors.put("0.weight", Safetensors.Entry.f32(Shape.of(2, 3), new float[] {1, 2, 3, 4, 5, Float.NaN}));
    tensors.put("0.bias", Safetensors.Entry.f32(Shape.of(2), new float[] {-1, 0.125f}));
    tensors.put("scalar", Safetensors.Entry.f32(Shape.of(), new float[] {42}));
    Path file = dir.resolve("model.safetensors");
    Safetensors.write(file, tensors, Map.of("format", "pt"));
    byte[] bytes = Files.readAllBytes(file);
    long headerLen = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(0, (8 + headerLen) % 8, "data must start 8-byte aligned");
    assertEquals(8 + headerLen + 4 * 9, bytes.length);

    Safetensors.Content back = Safetensors.read(file);
    assertEquals(Map.of("format", "pt"), back.metadata());
    for (String name : tensors.keySet()) {
      assertEquals(tensors.get(name).shape(), back.tensors().get(name).shape(), name);
      assertArrayEquals(tensors.get(name).data(), back.tensors().get(name).data(), name);
    }
  }

  // ---- malformed files: a clear message, and no allocation sized by the claims --------------------

  private Path craft(String header, int dataBytes) throws IOException {
    return craft(header.getBytes(StandardCharsets.UTF_8), header.length(), dataBytes);
  }

  private Path craft(byte[] header, long declaredLength, int dataBytes) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(declaredLength).put(header);
    Path p = Files.createTempFile(dir, "bad", ".safetensors");
    Files.write(p, b.array());
    return p;
  }

  private String refuse(Path p) {
    MalformedFileException e = assertThrows(MalformedFileException.class, () -> Safetensors.read(p));
    assertTrue(e.getMessage().startsWith(p.toString()), "the message names the file: " + e.getMessage());
    return e.getMessage();
  }

  private static final String T = "{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[%d,%d]}";

  @Test
  void refusesAHeaderLengthPastTheEndOfTheFile() throws IOException {
    String m = refuse(craft("{}".getBytes(StandardCharsets.UTF_8), 5000, 0));
    assertTrue(m.contains("header length 5000 runs past the end of the file"), m);
  }

  @Test
  void refusesAHugeDeclaredHeaderWithoutAllocatingIt() throws IOException {
    String m = refuse(craft("{}".getBytes(StandardCharsets.UTF_8), 1L << 40, 0));
    assertTrue(m.contains("exceeds the 104857600-byte limit"), m);
    m = refuse(craft("{}".getBytes(StandardCharsets.UTF_8), -1L, 0)); // 2^64 - 1 unsigned
    assertTrue(m.contains("18446744073709551615"), m);
  }

  @Test
  void refusesOverlappingOffsets() throws IOException {
    String m = refuse(craft("{\"a\":" + T.formatted(0, 8) + ",\"b\":" + T.formatted(4, 12) + "}", 12));
    assertTrue(m.contains("tensor \"b\" starts at data byte 4") && m.contains("overlap"), m);
  }

  @Test
  void refusesOffsetsPastTheEndOfTheData() throws IOException {
    String m = refuse(craft("{\"a\":" + T.formatted(0, 8) + "}", 4));
    assertTrue(m.contains("tensors cover 8 data bytes but the file holds 4"), m);
  }

  @Test
  void refusesAHoleInTheData() throws IOException {
    String m = refuse(craft("{\"a\":" + T.formatted(4, 12) + "}", 12));
    assertTrue(m.contains("hole"), m);
  }

  @Test
  void refusesAnUnknownDtype() throws IOException {
    String m = refuse(craft("{\"a\":{\"dtype\":\"Q4\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8));
    assertTrue(m.contains("unknown dtype \"Q4\""), m);
  }

  @Test
  void refusesAShapeThatDisagreesWithTheByteCount() throws IOException {
    String m = refuse(craft("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8));
    assertTrue(m.contains("needs 12 bytes but data_offsets span 8"), m);
  }

  @Test
  void refusesAShapeTooLargeForOneArrayBeforeAllocating() throws IOException {
    String m = refuse(craft("{\"a\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,8]}}", 8));
    assertTrue(m.contains("too large"), m);
  }

  @Test
  void refusesDuplicateKeysAndBrokenJson() throws IOException {
    String m = refuse(craft("{\"a\":" + T.formatted(0, 8) + ",\"a\":" + T.formatted(8, 16) + "}", 16));
    assertTrue(m.contains("duplicate key \"a\""), m);
    m = refuse(craft("{\"a\":", 0));
    assertTrue(m.contains("not valid JSON"), m);
    m = refuse(craft(new byte[] {'{', '"', (byte) 0xff, '"', '}'}, 5, 0));
    assertTrue(m.contains("not valid UTF-8"), m);
  }

  @Test
  void refusesATooShortFile() throws IOException {
    Path p = dir.resolve("short.safetensors");
    Files.write(p, new byte[] {1, 2, 3});
    assertTrue(refuse(p).contains("too short"));
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("keep.safetensors");
    Files.writeString(file, "old contents");
    assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
      out.write(new byte[1000]);
      throw new IOException("disk full (simulated)");
    }));
    assertEquals("old contents", Files.readString(file));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void aWrittenFileIsReadableByOthersAndAReplacedOneKeepsItsPermissions() throws IOException {
    Path file = dir.resolve("new.bin");
    AtomicFiles.write(file, out -> out.write(1));
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
    AtomicFiles.write(file, out -> out.write(2));
    assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }
}
