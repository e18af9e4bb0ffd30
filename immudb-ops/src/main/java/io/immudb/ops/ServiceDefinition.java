package io.immudb.ops;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a system service installs: its name, the command it runs and as whom, its configuration file
 * and the directories it owns. All paths are absolute paths of the target system (the installer may
 * prefix them with a staging root). The same definition renders as a systemd unit, a launchd
 * property list or an rc.d script ({@link InitSystem}). Immutable; the compact constructor
 * validates.
 *
 * @param name the service's name, e.g. {@code immudb}: the systemd unit without {@code .service},
 *     the rc.d script, the last part of the launchd label
 * @param description one line shown by the service manager
 * @param user the system account the service runs as; created (with a same-named group) if missing
 * @param execStart the program (absolute path) and its arguments
 * @param environment variables set for the service, in order
 * @param workingDirectory the service's working directory
 * @param configFile the configuration file, written on install unless it exists
 * @param configContent the content written to {@code configFile}
 * @param directories directories created on install and owned by {@code user} (data, logs); the
 *     first is the account's home; all are deleted by an uninstall that removes data
 * @param consoleLog the file that receives the service's standard output and error where the
 *     service manager does not keep them itself (launchd, rc.d; systemd writes them to its
 *     journal); it should lie in one of {@code directories}
 * @param limitNoFile the open-files limit ({@code LimitNOFILE}); requires > 0
 */
public record ServiceDefinition(
    String name,
    String description,
    String user,
    List<String> execStart,
    Map<String, String> environment,
    Path workingDirectory,
    Path configFile,
    String configContent,
    List<Path> directories,
    Path consoleLog,
    long limitNoFile) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]*");
  private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
  private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public ServiceDefinition {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(configContent, "configContent");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("service name must match " + NAME + ", got " + name);
    }
    if (user == null || !USER.matcher(user).matches()) {
      throw new IllegalArgumentException("service user must match " + USER + ", got " + user);
    }
    if (description.contains("\n")) {
      throw new IllegalArgumentException("service description must be one line");
    }
    execStart = List.copyOf(execStart);
    if (execStart.isEmpty() || !Path.of(execStart.get(0)).isAbsolute()) {
      throw new IllegalArgumentException(
          "execStart must start with an absolute program path, got " + execStart);
    }
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    for (Map.Entry<String, String> e : environment.entrySet()) {
      if (!ENV_KEY.matcher(e.getKey()).matches()
          || e.getValue() == null
          || e.getValue().contains("\n")) {
        throw new IllegalArgumentException("invalid environment variable " + e.getKey());
      }
    }
    requireAbsolute("workingDirectory", workingDirectory);
    requireAbsolute("configFile", configFile);
    directories = List.copyOf(directories);
    if (directories.isEmpty()) {
      throw new IllegalArgumentException("a service needs at least one directory (its home)");
    }
    directories.forEach(d -> requireAbsolute("directories", d));
    requireAbsolute("consoleLog", consoleLog);
    if (limitNoFile <= 0) {
      throw new IllegalArgumentException("limitNoFile must be > 0, got " + limitNoFile);
    }
  }

  private static void requireAbsolute(String what, Path p) {
    if (p == null || !p.isAbsolute()) {
      throw new IllegalArgumentException(what + " must be an absolute path, got " + p);
    }
  }
}
