package io.immudb.ops;

import java.nio.file.Path;
import java.util.List;

/**
 * launchd (macOS): the property list {@code /Library/LaunchDaemons/<label>.plist} ({@link
 * LaunchdPlist}) in the {@code system} domain, control through launchctl's bootstrap, bootout and
 * kickstart (macOS 10.11 and later). Accounts are not created: macOS has no useradd, and choosing a
 * free uid for dscl is left to the administrator (see {@code docs/ops/process.md}). Stateless.
 */
final class LaunchdManager implements ServiceManager {
  static final LaunchdManager INSTANCE = new LaunchdManager();

  /** Where system-wide daemons' property lists live. */
  static final Path DAEMON_DIR = Path.of("/Library/LaunchDaemons");

  private LaunchdManager() {}

  /** The service target in the system domain, e.g. {@code system/io.immudb.immudb}. */
  private static String target(ServiceDefinition def) {
    return "system/" + LaunchdPlist.label(def);
  }

  @Override
  public Path definitionFile(ServiceDefinition def) {
    return DAEMON_DIR.resolve(LaunchdPlist.label(def) + ".plist");
  }

  @Override
  public String render(ServiceDefinition def) {
    return LaunchdPlist.render(def);
  }

  @Override
  public String definitionMode() {
    return "rw-r--r--"; // launchd refuses a property list others may write
  }

  @Override
  public List<String> userLookup(String user) {
    return List.of("id", "-u", user);
  }

  @Override
  public int userNotFoundStatus() {
    return 1; // id(1): no such user
  }

  @Override
  public List<List<String>> userCreation(ServiceDefinition def) {
    return List.of();
  }

  @Override
  public List<ManagerCommand> beforeRewrite(ServiceDefinition def, Path file) {
    // bootstrap refuses a loaded service; bootout fails when it is not loaded, which is fine.
    return List.of(ManagerCommand.bestEffort("launchctl", "bootout", target(def)));
  }

  @Override
  public List<ManagerCommand> afterWrite(ServiceDefinition def, Path file) {
    return List.of(
        ManagerCommand.required("launchctl", "enable", target(def)),
        ManagerCommand.required("launchctl", "bootstrap", "system", file.toString()));
  }

  @Override
  public List<ManagerCommand> beforeRemove(ServiceDefinition def, Path file) {
    return List.of(ManagerCommand.bestEffort("launchctl", "bootout", target(def)));
  }

  @Override
  public List<ManagerCommand> afterRemove(ServiceDefinition def) {
    return List.of();
  }

  @Override
  public List<String> control(ServiceDefinition def, Path file, String action) {
    return switch (action) {
      case "start" -> List.of("launchctl", "bootstrap", "system", file.toString());
      case "stop" -> List.of("launchctl", "bootout", target(def));
      case "restart" -> List.of("launchctl", "kickstart", "-k", target(def));
      default -> throw new IllegalArgumentException("unknown action " + action);
    };
  }

  @Override
  public List<String> status(ServiceDefinition def) {
    return List.of("launchctl", "print", target(def));
  }
}
