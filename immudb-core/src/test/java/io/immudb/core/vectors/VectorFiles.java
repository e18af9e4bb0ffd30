package io.immudb.core.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.immudb.core.crypto.Sha256Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads JSON test vectors from {@code src/test/resources/vectors} and decodes their fields. */
public final class VectorFiles {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private VectorFiles() {}

  /** Loads {@code vectors/<name>} from the test classpath. */
  public static JsonNode load(String name) {
    String res = "/vectors/" + name;
    try (InputStream in = VectorFiles.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + res);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory holding the vectors on the test classpath. */
  public static Path root() {
    URL url = VectorFiles.class.getResource("/vectors");
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] hex(JsonNode n) {
    return HexFormat.of().parseHex(n.asText());
  }

  /** A digest field; throws IllegalArgumentException unless it has exactly 32 bytes. */
  public static Sha256Digest digest(JsonNode n) {
    return Sha256Digest.of(hex(n));
  }

  public static List<Sha256Digest> digests(JsonNode array) {
    if (array == null || array.isNull()) {
      return null;
    }
    List<Sha256Digest> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(digest(n));
    }
    return out;
  }
}
