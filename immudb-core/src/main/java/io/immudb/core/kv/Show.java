package io.immudb.core.kv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * How byte strings are shown to people — in this package's {@code toString} and in the engine's
 * error messages: as quoted text when they are valid UTF-8, else as {@code 0x}-prefixed hex.
 */
public final class Show {
  private Show() {}

  /** {@code b} as {@code "text"} when it is valid UTF-8, else as {@code 0x<hex>}. */
  public static String bytes(byte[] b) {
    try {
      return "\""
          + StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(b))
          + "\"";
    } catch (CharacterCodingException e) {
      return "0x" + HexFormat.of().formatHex(b);
    }
  }
}
