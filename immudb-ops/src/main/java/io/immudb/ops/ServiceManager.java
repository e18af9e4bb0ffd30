package io.immudb.ops;

import java.nio.file.Path;
import java.util.List;

/**
 * What differs between service managers for a {@link ServiceInstaller}: where the definition file
 * goes, its text and mode, how the service account is looked up and created, and the commands of
 * each step. The installer owns everything else (directories, configuration file, order of the
 * steps, dry runs). Implementations are stateless singletons, one per {@link InitSystem}.
 *
 * <p>Methods that take {@code file} receive the definition file as the installer resolved it (under
 * a staging root, if any), since commands name it by that path.
 */
sealed interface ServiceManager permits SystemdManager, LaunchdManager, RcdManager {
  /** The definition file's absolute path on the target system. */
  Path definitionFile(ServiceDefinition def);

  /** The definition file's text. */
  String render(ServiceDefinition def);

  /** The definition file's permissions, as {@code PosixFilePermissions.fromString} takes them. */
  String definitionMode();

  /** The command that succeeds when {@code user} exists; by default getent(1)'s passwd lookup. */
  default List<String> userLookup(String user) {
    return List.of("getent", "passwd", user);
  }

  /**
   * The exit status of {@link #userLookup} that means "no such account" (others are errors); by
   * default getent(1)'s "one or more keys not found".
   */
  default int userNotFoundStatus() {
    return 2;
  }

  /**
   * The commands that create the service account (and its same-named group); empty when accounts
   * must be created by hand on this system.
   */
  List<List<String>> userCreation(ServiceDefinition def);

  /** Run before an existing definition file is replaced (a reinstall). */
  List<ManagerCommand> beforeRewrite(ServiceDefinition def, Path file);

  /** Run after the definition file is written: register, enable at boot, start. */
  List<ManagerCommand> afterWrite(ServiceDefinition def, Path file);

  /** Run before the definition file is removed: stop, disable. */
  List<ManagerCommand> beforeRemove(ServiceDefinition def, Path file);

  /** Run after the definition file is removed. */
  List<ManagerCommand> afterRemove(ServiceDefinition def);

  /** The command for {@code action}, one of start, stop and restart. */
  List<String> control(ServiceDefinition def, Path file, String action);

  /** The command that prints the service's status; its exit status is passed on. */
  List<String> status(ServiceDefinition def);
}
