package io.immudb.embedded.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.util.Environment;

/** The one copy per user of RocksDB's library: where it goes, when it is reused, when refused. */
class RocksLibraryTest {
  @TempDir Path tmp;

  private Path own() {
    return tmp.resolve("immudb-native-" + System.getProperty("user.name"));
  }

  private static Path lib(Path dir) {
    return dir.resolve(Environment.getJniLibraryFileName("rocksdbjni"));
  }

  @Test
  void unpacksOnceIntoAnOwnerOnlyDirectoryAndReusesTheCopy() throws Exception {
    Path dir = RocksLibrary.sharedCopy(tmp);
    assertThat(dir).isNotNull();
    assertThat(dir.getParent()).isEqualTo(own());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own())))
        .isEqualTo("rwx------");
    Path lib = lib(dir);
    assertThat(Files.size(lib)).isGreaterThan(1 << 20);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(lib); // no leftover partial file
    }

    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(lib, old);
    assertThat(RocksLibrary.sharedCopy(tmp)).isEqualTo(dir);
    assertThat(Files.getLastModifiedTime(lib)).isEqualTo(old);
  }

  @Test
  void aCopyOfTheWrongSizeIsUnpackedAgain() throws Exception {
    Path dir = RocksLibrary.sharedCopy(tmp);
    long size = Files.size(lib(dir));
    Files.write(lib(dir), new byte[100]);
    assertThat(RocksLibrary.sharedCopy(tmp)).isEqualTo(dir);
    assertThat(Files.size(lib(dir))).isEqualTo(size);
  }

  @Test
  void aDirectoryOthersMayWriteToIsNotUsed() throws Exception {
    Files.createDirectory(own());
    Files.setPosixFilePermissions(own(), PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThat(RocksLibrary.sharedCopy(tmp)).isNull();
    Files.setPosixFilePermissions(own(), PosixFilePermissions.fromString("rwxr-x---"));
    assertThat(RocksLibrary.sharedCopy(tmp)).isNotNull();
  }

  @Test
  void aLinkInPlaceOfTheDirectoryIsNotFollowed() throws Exception {
    Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(own(), elsewhere);
    assertThat(RocksLibrary.sharedCopy(tmp)).isNull();
    try (Stream<Path> files = Files.list(elsewhere)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aFileInPlaceOfTheDirectoryIsNotUsed() throws Exception {
    Files.write(own(), List.of("not a directory"));
    assertThat(RocksLibrary.sharedCopy(tmp)).isNull();
  }
}
