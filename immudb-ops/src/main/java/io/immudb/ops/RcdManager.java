package io.immudb.ops;

import java.nio.file.Path;
import java.util.List;

/**
 * FreeBSD's rc.d: the script {@code /usr/local/etc/rc.d/<name>} ({@link RcdScript}), enabled with
 * {@code sysrc <name>_enable=YES}, controlled through service(8), the account made with {@code pw
 * useradd} (which also creates the same-named group). Stateless.
 */
final class RcdManager implements ServiceManager {
  static final RcdManager INSTANCE = new RcdManager();

  /** Where scripts of software installed outside the base system live. */
  static final Path SCRIPT_DIR = Path.of("/usr/local/etc/rc.d");

  private RcdManager() {}

  @Override
  public Path definitionFile(ServiceDefinition def) {
    return SCRIPT_DIR.resolve(def.name());
  }

  @Override
  public String render(ServiceDefinition def) {
    return RcdScript.render(def);
  }

  @Override
  public String definitionMode() {
    return "rwxr-xr-x"; // rc(8) runs only executable scripts
  }

  @Override
  public List<List<String>> userCreation(ServiceDefinition def) {
    return List.of(
        List.of(
            "pw",
            "useradd",
            "-n",
            def.user(),
            "-c",
            def.name() + " service",
            "-d",
            def.directories().get(0).toString(),
            "-s",
            "/usr/sbin/nologin"));
  }

  @Override
  public List<ManagerCommand> beforeRewrite(ServiceDefinition def, Path file) {
    // Stop with the old script; "not running" is a failure of service(8), and fine here.
    return List.of(ManagerCommand.bestEffort("service", def.name(), "stop"));
  }

  @Override
  public List<ManagerCommand> afterWrite(ServiceDefinition def, Path file) {
    return List.of(
        ManagerCommand.required("sysrc", RcdScript.enableVar(def) + "=YES"),
        ManagerCommand.required("service", def.name(), "start"));
  }

  @Override
  public List<ManagerCommand> beforeRemove(ServiceDefinition def, Path file) {
    return List.of(ManagerCommand.bestEffort("service", def.name(), "stop"));
  }

  @Override
  public List<ManagerCommand> afterRemove(ServiceDefinition def) {
    return List.of(ManagerCommand.bestEffort("sysrc", "-x", RcdScript.enableVar(def)));
  }

  @Override
  public List<String> control(ServiceDefinition def, Path file, String action) {
    return List.of("service", def.name(), action);
  }

  @Override
  public List<String> status(ServiceDefinition def) {
    return List.of("service", def.name(), "status");
  }
}
