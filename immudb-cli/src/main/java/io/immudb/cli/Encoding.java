package io.immudb.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How keys and values are typed and shown: plain UTF-8 text by default, or base64 or hex, the same
 * both ways (no "base64 in, base64 out" surprise). In text mode, bytes that are not valid UTF-8 are
 * shown as {@code hex:…} rather than garbled.
 */
public enum Encoding {
  TEXT,
  BASE64,
  HEX;

  /** The bytes a user typed. @throws IllegalArgumentException if not valid in this encoding */
  public byte[] decode(String typed) {
    return switch (this) {
      case TEXT -> typed.getBytes(StandardCharsets.UTF_8);
      case BASE64 -> Base64.getDecoder().decode(typed);
      case HEX -> HexFormat.of().parseHex(typed);
    };
  }

  /** The bytes as shown to a user. */
  public String encode(byte[] bytes) {
    return switch (this) {
      case TEXT -> {
        try {
          yield StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
        } catch (CharacterCodingException e) {
          yield "hex:" + HexFormat.of().formatHex(bytes);
        }
      }
      case BASE64 -> Base64.getEncoder().encodeToString(bytes);
      case HEX -> HexFormat.of().formatHex(bytes);
    };
  }
}
