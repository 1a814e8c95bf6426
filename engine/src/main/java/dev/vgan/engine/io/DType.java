package dev.vgan.engine.io;

import java.nio.ByteBuffer;

/** The safetensors element types vgan reads, each decoded to float. */
enum DType {
  F32(4), F16(2), BF16(2), F64(8), I64(8), I32(4), I16(2), I8(1), U8(1), BOOL(1);

  final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  /** The dtype with this safetensors name, or null. */
  static DType named(String name) {
    for (DType d : values()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    return null;
  }

  /** Decodes {@code n} little-endian values from {@code in} into {@code out[off..off+n)}. */
  void decode(ByteBuffer in, float[] out, int off, int n) {
    for (int i = 0; i < n; i++) {
      out[off + i] = switch (this) {
        case F32 -> in.getFloat();
        case F16 -> Float.float16ToFloat(in.getShort());
        case BF16 -> Float.intBitsToFloat((in.getShort() & 0xffff) << 16);
        case F64 -> (float) in.getDouble();
        case I64 -> (float) in.getLong();
        case I32 -> (float) in.getInt();
        case I16 -> (float) in.getShort();
        case I8 -> (float) in.get();
        case U8 -> (float) (in.get() & 0xff);
        case BOOL -> in.get() != 0 ? 1f : 0f;
      };
    }
  }
}
