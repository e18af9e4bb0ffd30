package io.immudb.core.kv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** How the types of this package show bytes in {@code toString}: as text when UTF-8, else hex. */
final class Show {
  private Show() {}

  static String bytes(byte[] b) {
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
