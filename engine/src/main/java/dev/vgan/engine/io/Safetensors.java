package dev.vgan.engine.io;

import dev.vgan.engine.core.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the safetensors format (8-byte little-endian header length, a JSON header, then
 * packed little-endian row-major tensors), so PyTorch state dicts saved with {@code safetensors} load
 * here and ours load there. Writes F32; reads F32, F16, BF16, F64, I64, I32, I16, I8, U8 and BOOL as
 * floats.
 *
 * <p>Reading is strict and safe on hostile input: the header is at most 100 MB and must fit in the file;
 * every tensor's byte count must equal its shape times its dtype size; the tensors must tile the data
 * buffer exactly, with no holes or overlaps. All of that is checked before any tensor memory is
 * allocated, and every error names the file and what is wrong. Writes are atomic ({@link AtomicFiles}).
 */
public final class Safetensors {
  /** The spec's limit on the JSON header. */
  public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
  private static final String METADATA = "__metadata__";
  private static final Set<String> ENTRY_KEYS = Set.of("dtype", "shape", "data_offsets");

  /**
   * One tensor.
   *
   * @param dtype the stored element type ("F32", "F16", ...); what {@link #write} writes is always F32
   * @param shape its shape
   * @param data its values, row-major, {@code shape.numel()} of them
   */
  public record Entry(String dtype, Shape shape, float[] data) {
    /** Checks that the data fits the shape. */
    public Entry {
      if (data.length != shape.numel()) {
        throw new IllegalArgumentException("safetensors entry: shape " + shape + " holds " + shape.numel()
            + " values but data has " + data.length);
      }
    }

    /** A float32 tensor. */
    public static Entry f32(Shape shape, float[] data) {
      return new Entry("F32", shape, data);
    }
  }

  /** The tensors of a file, in file order, and its string metadata. */
  public record Content(Map<String, Entry> tensors, Map<String, String> metadata) {}

  private Safetensors() {}

  // ---- writing -------------------------------------------------------------------------------

  /** Writes {@code tensors} (as F32, in map order) and {@code metadata} to {@code file}, atomically. */
  public static void write(Path file, Map<String, Entry> tensors, Map<String, String> metadata) throws IOException {
    StringBuilder h = new StringBuilder("{");
    if (!metadata.isEmpty()) {
      h.append(StrictJson.quote(METADATA)).append(":{");
      String sep = "";
      for (Map.Entry<String, String> m : metadata.entrySet()) {
        h.append(sep).append(StrictJson.quote(m.getKey())).append(':').append(StrictJson.quote(m.getValue()));
        sep = ",";
      }
      h.append('}');
    }
    long offset = 0;
    for (Map.Entry<String, Entry> t : tensors.entrySet()) {
      if (t.getKey().equals(METADATA)) {
        throw new IllegalArgumentException("safetensors: a tensor cannot be named " + METADATA);
      }
      long bytes = 4L * t.getValue().data().length;
      h.append(h.length() > 1 ? "," : "").append(StrictJson.quote(t.getKey()))
          .append(":{\"dtype\":\"F32\",\"shape\":[");
      int[] dims = t.getValue().shape().dims();
      for (int i = 0; i < dims.length; i++) {
        h.append(i == 0 ? "" : ",").append(dims[i]);
      }
      h.append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
      offset += bytes;
    }
    h.append('}');
    byte[] json = h.toString().getBytes(StandardCharsets.UTF_8);
    // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
    int padded = (json.length + 7) / 8 * 8;
    AtomicFiles.write(file, out -> {
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
      out.write(len.array());
      out.write(json);
      for (int i = json.length; i < padded; i++) {
        out.write(' ');
      }
      for (Entry e : tensors.values()) {
        writeFloats(out, e.data());
      }
    });
  }

  private static void writeFloats(OutputStream out, float[] data) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < data.length; ) {
      buf.clear();
      int n = Math.min(data.length - i, buf.capacity() / 4);
      buf.asFloatBuffer().put(data, i, n);
      out.write(buf.array(), 0, 4 * n);
      i += n;
    }
  }

  // ---- reading -------------------------------------------------------------------------------

  /** Reads every tensor of {@code file} as floats, validating the whole layout first. */
  public static Content read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 8) {
        throw new MalformedFileException(file, "too short for a safetensors file (" + size + " bytes)");
      }
      ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, lenBuf, 0, file);
      long headerLen = lenBuf.flip().getLong();
      if (headerLen < 0 || headerLen > MAX_HEADER_BYTES) {
        throw new MalformedFileException(file, "header length " + Long.toUnsignedString(headerLen)
            + " exceeds the " + MAX_HEADER_BYTES + "-byte limit");
      }
      if (8 + headerLen > size) {
        throw new MalformedFileException(file, "header length " + headerLen + " runs past the end of the file ("
            + size + " bytes)");
      }
      ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
      readFully(ch, headerBuf, 8, file);
      String header;
      try {
        header = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .decode(headerBuf.flip()).toString();
      } catch (CharacterCodingException e) {
        throw new MalformedFileException(file, "header is not valid UTF-8");
      }
      Object json;
      try {
        json = StrictJson.parse(header);
      } catch (IllegalArgumentException e) {
        throw new MalformedFileException(file, "header is not valid JSON: " + e.getMessage()
            + " (the header starts at byte 8)");
      }
      long dataStart = 8 + headerLen;
      Layout layout = layout(file, json, size - dataStart);
      Map<String, Entry> tensors = new LinkedHashMap<>();
      for (Slot s : layout.slots) {
        tensors.put(s.name, new Entry(s.dtype.name(), s.shape, readTensor(ch, dataStart + s.begin, s, file)));
      }
      return new Content(tensors, layout.metadata);
    }
  }

  private record Slot(String name, DType dtype, Shape shape, long begin, long end) {}

  private record Layout(List<Slot> slots, Map<String, String> metadata) {}

  /** Validates the header against the data buffer's size; allocates nothing proportional to the data. */
  private static Layout layout(Path file, Object json, long bufferSize) throws MalformedFileException {
    if (!(json instanceof Map<?, ?> root)) {
      throw new MalformedFileException(file, "header must be a JSON object");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    List<Slot> slots = new ArrayList<>();
    for (Map.Entry<?, ?> e : root.entrySet()) {
      String name = (String) e.getKey();
      if (name.equals(METADATA)) {
        if (!(e.getValue() instanceof Map<?, ?> meta)) {
          throw new MalformedFileException(file, METADATA + " must be an object of strings");
        }
        for (Map.Entry<?, ?> m : meta.entrySet()) {
          if (!(m.getValue() instanceof String v)) {
            throw new MalformedFileException(file, METADATA + " value for \"" + m.getKey() + "\" is not a string");
          }
          metadata.put((String) m.getKey(), v);
        }
        continue;
      }
      slots.add(slot(file, name, e.getValue()));
    }
    slots.sort(Comparator.comparingLong(Slot::begin).thenComparingLong(Slot::end));
    long expected = 0;
    for (Slot s : slots) {
      if (s.begin != expected) {
        throw new MalformedFileException(file, "tensor \"" + s.name + "\" starts at data byte " + s.begin + " but "
            + (s.begin < expected ? "the previous tensor ends at " : "the data up to it ends at ") + expected
            + (s.begin < expected ? " (overlap)" : " (hole)"));
      }
      expected = s.end;
    }
    if (expected != bufferSize) {
      throw new MalformedFileException(file, "tensors cover " + expected + " data bytes but the file holds "
          + bufferSize + " after the header" + (expected > bufferSize ? " (truncated file?)" : ""));
    }
    return new Layout(slots, metadata);
  }

  private static Slot slot(Path file, String name, Object value) throws MalformedFileException {
    String where = "tensor \"" + name + "\": ";
    if (!(value instanceof Map<?, ?> entry)) {
      throw new MalformedFileException(file, where + "entry must be an object");
    }
    for (Object key : entry.keySet()) {
      if (!ENTRY_KEYS.contains(key)) {
        throw new MalformedFileException(file, where + "unknown field \"" + key + "\"");
      }
    }
    if (!(entry.get("dtype") instanceof String dtypeName)) {
      throw new MalformedFileException(file, where + "missing dtype");
    }
    DType dtype = DType.named(dtypeName);
    if (dtype == null) {
      throw new MalformedFileException(file, where + "unknown dtype \"" + dtypeName + "\" (known: "
          + java.util.Arrays.toString(DType.values()) + ")");
    }
    int[] dims = longs(file, where + "shape", entry.get("shape"), -1).stream()
        .mapToInt(v -> (int) Math.min(v, Integer.MAX_VALUE)).toArray();
    long numel = 1;
    for (int d : dims) {
      numel *= d;
      if (d == Integer.MAX_VALUE || numel > Integer.MAX_VALUE - 16) {
        throw new MalformedFileException(file, where + "shape " + java.util.Arrays.toString(dims)
            + " is too large for one array");
      }
    }
    List<Long> offsets = longs(file, where + "data_offsets", entry.get("data_offsets"), 2);
    long begin = offsets.get(0), end = offsets.get(1);
    if (end < begin) {
      throw new MalformedFileException(file, where + "data_offsets end " + end + " is before begin " + begin);
    }
    if (end - begin != numel * dtype.bytes) {
      throw new MalformedFileException(file, where + "shape " + java.util.Arrays.toString(dims) + " of " + dtype
          + " needs " + numel * dtype.bytes + " bytes but data_offsets span " + (end - begin));
    }
    return new Slot(name, dtype, Shape.of(dims), begin, end);
  }

  private static List<Long> longs(Path file, String what, Object value, int count) throws MalformedFileException {
    if (!(value instanceof List<?> list) || (count >= 0 && list.size() != count)) {
      throw new MalformedFileException(file, what + " must be a list" + (count >= 0 ? " of " + count : "")
          + " of non-negative integers");
    }
    List<Long> out = new ArrayList<>(list.size());
    for (Object o : list) {
      if (!(o instanceof Long v) || v < 0) {
        throw new MalformedFileException(file, what + " must hold non-negative integers, found " + o);
      }
      out.add(v);
    }
    return out;
  }

  private static float[] readTensor(FileChannel ch, long position, Slot s, Path file) throws IOException {
    float[] out = new float[s.shape.numel()];
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    int done = 0;
    long pos = position;
    int perChunk = buf.capacity() / s.dtype.bytes;
    while (done < out.length) {
      int n = Math.min(perChunk, out.length - done);
      buf.clear().limit(n * s.dtype.bytes);
      readFully(ch, buf, pos, file);
      buf.flip();
      s.dtype.decode(buf, out, done, n);
      done += n;
      pos += (long) n * s.dtype.bytes;
    }
    return out;
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long position, Path file) throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      int r = ch.read(buf, pos);
      if (r < 0) {
        throw new MalformedFileException(file, "unexpected end of file at byte " + pos);
      }
      pos += r;
    }
  }
}
