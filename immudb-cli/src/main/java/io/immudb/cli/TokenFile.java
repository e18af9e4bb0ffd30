package io.immudb.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The session of a command-line tool between runs: the token and the database it is bound to, in a
 * file readable by the owner only (two lines). Written atomically.
 */
public final class TokenFile {
  private final Path file;

  public TokenFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  /** The saved session, if any. */
  public Optional<Session> read() throws IOException {
    try {
      String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
      if (lines.length < 2 || lines[0].isBlank()) {
        return Optional.empty();
      }
      return Optional.of(new Session(lines[0].trim(), lines[1].trim()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Saves a session, replacing the previous one. */
  public void write(Session s) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".token", ".tmp");
    try {
      if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(tmp, s.token() + "\n" + s.database() + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Forgets the session. */
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  /** A saved session. */
  public record Session(String token, String database) {}
}
