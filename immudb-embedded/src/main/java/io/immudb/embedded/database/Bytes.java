package io.immudb.embedded.database;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** How byte strings are shown in messages: as text when they are UTF-8, else as hex. */
final class Bytes {
  private Bytes() {}

  static String show(byte[] b) {
    try {
      return "\""
          + StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(b))
          + "\"";
    } catch (CharacterCodingException e) {
      return "0x" + HexFormat.of().formatHex(b);
    }
  }
}
