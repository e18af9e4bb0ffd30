package io.immudb.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * A clone of a git checkout as a new user gets it, plus the checkout's uncommitted work: {@code git
 * clone}, then every tracked or new (not ignored) file of the working tree copied over it and every
 * deleted one removed. Build output and other ignored files stay behind.
 */
final class FreshClone {
  private static final Duration GIT_TIMEOUT = Duration.ofMinutes(2);

  private FreshClone() {}

  static void of(Path checkout, Path clone, Path scratch) throws IOException, InterruptedException {
    if (!Files.exists(checkout.resolve(".git"))) {
      copySources(checkout, clone);
      return;
    }
    git(checkout.getParent(), scratch, "clone", "--quiet", checkout.toString(), clone.toString());
    String present =
        git(checkout, scratch, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
    for (String name : present.split("\0")) {
      Path from = checkout.resolve(name);
      if (name.isEmpty() || !Files.isRegularFile(from)) {
        continue; // deleted in the working tree, or a submodule
      }
      Path to = clone.resolve(name);
      Files.createDirectories(to.getParent());
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }
    String deleted = git(checkout, scratch, "ls-files", "-z", "--deleted");
    for (String name : deleted.split("\0")) {
      if (!name.isEmpty()) {
        Files.deleteIfExists(clone.resolve(name));
      }
    }
  }

  /**
   * Without git metadata (a source archive, or a CI checkout without {@code .git}): the files of
   * the tree except build output, local data and dependencies installed by tests.
   */
  private static void copySources(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path rel = from.relativize(p);
        boolean skipped = false;
        for (Path part : rel) {
          String n = part.toString();
          skipped |= n.equals("target") || n.equals("node_modules") || n.equals(".git");
        }
        skipped |= rel.startsWith("data");
        if (skipped) {
          continue;
        }
        Path dest = to.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else if (Files.isRegularFile(p)) {
          Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static String git(Path dir, Path scratch, String... args)
      throws IOException, InterruptedException {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    return ProcessRun.run(dir, Map.of(), scratch, GIT_TIMEOUT, cmd).succeeded().out();
  }
}
