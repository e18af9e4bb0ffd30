package io.immudb.server.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a {@link User} in {@code systemdb}. Stateless and thread-safe.
 *
 * <p>Version 1: {@code 0x01 ‖ str username ‖ str passwordHash ‖ u8 active ‖ str createdBy ‖ i64
 * createdAt seconds ‖ i32 nanos ‖ u16 n ‖ n × (str database ‖ u8 permission)}, where {@code str} is
 * {@code u16 length ‖ UTF-8 bytes}; all integers big-endian.
 */
final class UserCodec {
  private static final byte VERSION = 1;

  private UserCodec() {}

  /** The plain key of a user in {@code systemdb}: {@code 0x01‖username}. */
  static byte[] key(String username) {
    byte[] n = username.getBytes(StandardCharsets.UTF_8);
    byte[] k = new byte[n.length + 1];
    k[0] = 0x01;
    System.arraycopy(n, 0, k, 1, n.length);
    return k;
  }

  static byte[] encode(User u) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      writeString(out, u.username());
      writeString(out, u.passwordHash());
      out.writeByte(u.active() ? 1 : 0);
      writeString(out, u.createdBy());
      out.writeLong(u.createdAt().getEpochSecond());
      out.writeInt(u.createdAt().getNano());
      out.writeShort(u.permissions().size());
      for (UserPermission p : u.permissions()) {
        writeString(out, p.database());
        out.writeByte(p.permission());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a version-1 record.
   *
   * @throws IllegalStateException if the bytes are not a user record this code can read
   */
  static User decode(byte[] value) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
      if (in.readByte() != VERSION) {
        throw new IllegalStateException("unknown user record version in systemdb");
      }
      String username = readString(in);
      String hash = readString(in);
      boolean active = in.readByte() != 0;
      String createdBy = readString(in);
      Instant createdAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
      int n = in.readUnsignedShort();
      List<UserPermission> ps = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ps.add(new UserPermission(readString(in), in.readUnsignedByte()));
      }
      if (in.available() != 0) {
        throw new IllegalStateException("trailing bytes in a user record in systemdb");
      }
      return new User(username, hash, ps, active, createdBy, createdAt);
    } catch (IOException e) {
      throw new IllegalStateException("truncated user record in systemdb", e);
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > 0xffff) {
      throw new IllegalArgumentException("string too long for a user record: " + b.length);
    }
    out.writeShort(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readUnsignedShort()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
