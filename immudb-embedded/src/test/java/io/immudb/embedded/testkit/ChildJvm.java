package io.immudb.embedded.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

/**
 * How a crash test starts its child JVMs: quickly, because a test starts dozens of them, and on a
 * frozen copy of the code under test, so that a rebuild of the project while the test runs cannot
 * change what the children execute.
 *
 * <p>{@link #prepare} builds, once per test, in a work directory:
 *
 * <ul>
 *   <li>a minimal classpath: only the jars or class directories holding the given classes (no test
 *       framework), each class directory packed into a jar, each jar of this build copied;
 *   <li>the RocksDB native library, extracted once and passed as {@code java.library.path}, so that
 *       a child does not unpack 15 MB from the rocksdbjni jar on every start (if the library is not
 *       found there, RocksDB falls back to unpacking it, only slower).
 * </ul>
 *
 * <p>Children run with the C1 compiler only and the serial collector: they live for about a second.
 * JVM log output goes to stderr, so a child's stdout carries only its own protocol.
 *
 * <p>Immutable and thread-safe once prepared.
 */
public final class ChildJvm {
  private final List<String> command;
  private final String mainClass;

  private ChildJvm(List<String> command, String mainClass) {
    this.command = List.copyOf(command);
    this.mainClass = mainClass;
  }

  /**
   * Prepares children that run {@code mainClass} with the classes of {@code mainClass} and of
   * {@code needed} (one class from each library the child uses) on the classpath.
   */
  public static ChildJvm prepare(Path workDir, Class<?> mainClass, List<Class<?>> needed)
      throws IOException {
    Files.createDirectories(workDir);
    Set<Path> roots = new LinkedHashSet<>();
    roots.add(codeSource(mainClass));
    for (Class<?> c : needed) {
      roots.add(codeSource(c));
    }
    Path cpDir = Files.createDirectories(workDir.resolve("classpath"));
    List<String> classpath = new ArrayList<>();
    int n = 0;
    for (Path root : roots) {
      Path into =
          cpDir.resolve(n++ + "-" + root.getFileName() + (Files.isDirectory(root) ? ".jar" : ""));
      if (Files.isDirectory(root)) {
        jar(root, into);
        classpath.add(into.toString());
      } else if (isBuildOutput(root)) {
        Files.copy(root, into);
        classpath.add(into.toString());
      } else {
        classpath.add(root.toString()); // a released jar never changes
      }
    }

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-Xlog:disable",
                "-Xlog:all=warning:stderr"));
    Path nativeDir = extractRocksDbLibrary(workDir.resolve("native"));
    if (nativeDir != null) {
      command.add("-Djava.library.path=" + nativeDir);
    }
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath));

    return new ChildJvm(command, mainClass.getName());
  }

  /** Starts a child with {@code args}; its stdout is a pipe, its stderr goes to {@code stderr}. */
  public ChildRun start(List<String> args, Path stderr) throws IOException {
    List<String> cmd = new ArrayList<>(command);
    cmd.add(mainClass);
    cmd.addAll(args);
    return new ChildRun(new ProcessBuilder(cmd).redirectError(stderr.toFile()).start(), stderr);
  }

  private static Path codeSource(Class<?> c) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IllegalStateException("cannot locate the classes of " + c);
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the classes of " + c, e);
    }
  }

  /** A jar of this build (under a {@code target} directory or a snapshot), which may be rebuilt. */
  private static boolean isBuildOutput(Path jar) {
    if (jar.getFileName().toString().contains("-SNAPSHOT")) {
      return true;
    }
    for (Path part : jar) {
      if (part.toString().equals("target")) {
        return true;
      }
    }
    return false;
  }

  private static void jar(Path dir, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        if (Files.isRegularFile(f)) {
          out.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
          Files.copy(f, out);
          out.closeEntry();
        }
      }
    }
  }

  /** Extracts the RocksDB JNI library for this platform into {@code dir}; null if not found. */
  private static Path extractRocksDbLibrary(Path dir) throws IOException {
    String name = Environment.getJniLibraryFileName("rocksdb");
    try (InputStream in = RocksDB.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        return null;
      }
      Files.createDirectories(dir);
      Path tmp = dir.resolve(name + ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        in.transferTo(out);
      }
      Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      return dir;
    }
  }
}
