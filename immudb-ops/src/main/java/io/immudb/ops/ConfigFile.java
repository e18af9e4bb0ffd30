package io.immudb.ops;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed TOML configuration file: flat {@code key = value} pairs at the top level, each value a
 * string, integer, float or boolean (TOML dates are kept as their text). Values are held as the
 * text a command-line flag would carry ({@code 3322}, {@code true}, {@code 24h}), so the option's
 * own converter checks them. Tables and arrays are refused: no option of these tools takes one.
 * Immutable and thread-safe.
 */
public final class ConfigFile {
  private static final TomlMapper TOML = new TomlMapper();

  private final Path path;
  private final Map<String, String> values;

  private ConfigFile(Path path, Map<String, String> values) {
    this.path = path;
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Reads and parses {@code path}.
   *
   * @throws ConfigFileException if the file is missing, unreadable or not flat, valid TOML
   */
  public static ConfigFile read(Path path) {
    Objects.requireNonNull(path, "path");
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new ConfigFileException(path, null, "not found");
    } catch (IOException e) {
      throw new ConfigFileException(path, null, "cannot be read: " + e);
    }
    return parse(path, text);
  }

  /**
   * Parses {@code text} as the content of {@code path} (used in messages only).
   *
   * @throws ConfigFileException if the text is not flat, valid TOML
   */
  public static ConfigFile parse(Path path, String text) {
    Objects.requireNonNull(path, "path");
    JsonNode root;
    try {
      root = TOML.readTree(text);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null || at.getLineNr() < 1
              ? ""
              : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ConfigFileException(
          path, null, "not valid TOML" + where + ": " + firstLine(e.getOriginalMessage()));
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (root != null) {
      root.fields()
          .forEachRemaining(
              f -> {
                JsonNode v = f.getValue();
                if (v.isObject()) {
                  throw new ConfigFileException(
                      path, f.getKey(), "tables are not supported; write every key at the top");
                }
                if (v.isArray()) {
                  throw new ConfigFileException(path, f.getKey(), "arrays are not supported");
                }
                values.put(f.getKey(), v.asText());
              });
    }
    return new ConfigFile(path, values);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The file this was read from. */
  public Path path() {
    return path;
  }

  /** The keys as written, in file order, with their values as flag text. */
  public Map<String, String> values() {
    return values;
  }
}
