package io.immudb.ops;

import java.nio.file.Path;
import java.util.List;

/**
 * systemd: the unit {@code /etc/systemd/system/<name>.service} ({@link SystemdUnit}), the account
 * made with useradd, control through systemctl. Stateless.
 */
final class SystemdManager implements ServiceManager {
  static final SystemdManager INSTANCE = new SystemdManager();

  /** Where unit files written by an administrator live. */
  static final Path UNIT_DIR = Path.of("/etc/systemd/system");

  private SystemdManager() {}

  private static String unit(ServiceDefinition def) {
    return def.name() + ".service";
  }

  @Override
  public Path definitionFile(ServiceDefinition def) {
    return UNIT_DIR.resolve(unit(def));
  }

  @Override
  public String render(ServiceDefinition def) {
    return SystemdUnit.render(def);
  }

  @Override
  public String definitionMode() {
    return "rw-r--r--";
  }

  @Override
  public List<List<String>> userCreation(ServiceDefinition def) {
    return List.of(
        List.of(
            "useradd",
            "--system",
            "--user-group",
            "--home-dir",
            def.directories().get(0).toString(),
            "--no-create-home",
            "--shell",
            "/usr/sbin/nologin",
            "--comment",
            def.name() + " service",
            def.user()));
  }

  @Override
  public List<ManagerCommand> beforeRewrite(ServiceDefinition def, Path file) {
    return List.of(); // a running service keeps running; the new unit applies from its restart
  }

  @Override
  public List<ManagerCommand> afterWrite(ServiceDefinition def, Path file) {
    return List.of(
        ManagerCommand.required("systemctl", "daemon-reload"),
        ManagerCommand.required("systemctl", "enable", unit(def)),
        ManagerCommand.required("systemctl", "start", unit(def)));
  }

  @Override
  public List<ManagerCommand> beforeRemove(ServiceDefinition def, Path file) {
    return List.of(
        ManagerCommand.required("systemctl", "stop", unit(def)),
        ManagerCommand.required("systemctl", "disable", unit(def)));
  }

  @Override
  public List<ManagerCommand> afterRemove(ServiceDefinition def) {
    return List.of(ManagerCommand.required("systemctl", "daemon-reload"));
  }

  @Override
  public List<String> control(ServiceDefinition def, Path file, String action) {
    return List.of("systemctl", action, unit(def));
  }

  @Override
  public List<String> status(ServiceDefinition def) {
    return List.of("systemctl", "status", "--no-pager", unit(def));
  }
}
