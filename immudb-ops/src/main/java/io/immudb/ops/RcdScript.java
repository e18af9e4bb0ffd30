package io.immudb.ops;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders a {@link ServiceDefinition} as a FreeBSD rc.d script ({@code rc.subr(8)}) for {@code
 * /usr/local/etc/rc.d}. Stateless and thread-safe.
 *
 * <p>rc.subr runs the command as {@code <name>_user} through {@code su -m} and {@code sh -c}, and
 * finds a running service by its pid file and process name. The script therefore runs the launcher
 * under daemon(8): the supervisor writes its own pid ({@code -P}) to {@code
 * /var/run/<name>/<name>.pid}, so {@code service <name> stop} sends SIGTERM to the supervisor,
 * which passes it on to the server and waits for it; the supervisor restarts the server 5 s after
 * it exits otherwise ({@code -R 5}) and appends its output to the console log ({@code -o}). The
 * server's own {@code -d} is not used: its background JVM has no stable process name for rc.subr,
 * and nothing would restart it. Environment, open-files limit and working directory are the rc.subr
 * settings {@code <name>_env}, {@code <name>_limits} and {@code <name>_chdir}, overridable in
 * rc.conf.
 *
 * <p>Because the command line passes through two shells, every word written into it must be a plain
 * word (letters, digits and {@code _ . / : @ % + , = -}); {@link #render} refuses others rather
 * than quote them twice.
 */
public final class RcdScript {
  private static final Pattern VAR_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:@%+,=-]+");

  private RcdScript() {}

  /** The rc.conf variable that enables the service at boot, e.g. {@code immudb_enable}. */
  public static String enableVar(ServiceDefinition def) {
    return def.name() + "_enable";
  }

  /** Where daemon(8) keeps the supervisor's pid, e.g. {@code /var/run/immudb/immudb.pid}. */
  public static Path pidFile(ServiceDefinition def) {
    return Path.of("/var/run", def.name(), def.name() + ".pid");
  }

  /**
   * The script's text.
   *
   * @throws IllegalArgumentException if the name is no shell variable name, or a path, argument or
   *     environment value is not a plain word
   */
  public static String render(ServiceDefinition def) {
    String n = def.name();
    if (!VAR_NAME.matcher(n).matches()) {
      throw new IllegalArgumentException(
          "an rc.d service name must be a shell variable name (" + VAR_NAME + "), got " + n);
    }
    String env =
        def.environment().entrySet().stream()
            .map(e -> e.getKey() + "=" + plain(e.getValue()))
            .collect(Collectors.joining(" "));
    List<String> daemonArgs =
        List.of(
            "-f",
            "-t",
            "${name}",
            "-R",
            "5",
            "-P",
            "${pidfile}",
            "-o",
            plain(def.consoleLog().toString()));
    String args =
        String.join(" ", daemonArgs)
            + " "
            + def.execStart().stream().map(RcdScript::plain).collect(Collectors.joining(" "));

    StringBuilder b = new StringBuilder();
    b.append("#!/bin/sh\n#\n");
    b.append("# Written by the ").append(n);
    b.append(" service installer; uninstalling the service removes it.\n#\n");
    b.append("# PROVIDE: ").append(n).append('\n');
    b.append("# REQUIRE: LOGIN\n");
    b.append("# KEYWORD: shutdown\n#\n");
    b.append("# Settings in /etc/rc.conf (sysrc NAME=VALUE):\n");
    b.append("#   ").append(n).append("_enable  YES to start at boot (the installer sets it)\n");
    b.append("#   ").append(n).append("_user    the account it runs as\n");
    b.append("#   ").append(n).append("_env     its environment\n");
    b.append("#   ").append(n).append("_limits  limits(1) flags, e.g. -n for open files\n\n");
    b.append(". /etc/rc.subr\n\n");
    b.append("name=\"").append(n).append("\"\n");
    b.append("rcvar=\"").append(enableVar(def)).append("\"\n");
    b.append("desc=").append(singleQuoted(def.description())).append("\n\n");
    b.append("load_rc_config \"$name\"\n\n");
    defaultVar(b, n + "_enable", "NO");
    defaultVar(b, n + "_user", def.user());
    defaultVar(b, n + "_chdir", plain(def.workingDirectory().toString()));
    defaultVar(b, n + "_limits", "-n " + def.limitNoFile());
    defaultVar(b, n + "_env", env);
    b.append('\n');
    b.append("# daemon(8) supervises the launcher; its own pid (-P) is what stop signals.\n");
    b.append("pidfile=\"").append(pidFile(def)).append("\"\n");
    b.append("command=\"/usr/sbin/daemon\"\n");
    b.append("command_args=\"").append(args).append("\"\n");
    b.append("start_precmd=\"").append(n).append("_prestart\"\n\n");
    b.append(n).append("_prestart()\n{\n");
    b.append("\t# /var/run is emptied at boot; the supervisor runs as ${")
        .append(n)
        .append("_user}.\n");
    b.append("\tinstall -d -o \"${").append(n).append("_user}\" -m 0755 \"${pidfile%/*}\"\n");
    b.append("}\n\n");
    b.append("# The launcher runs bash, which lives in /usr/local/bin: not on PATH during boot.\n");
    b.append("PATH=\"${PATH}:/usr/local/sbin:/usr/local/bin\"\n\n");
    b.append("run_rc_command \"$1\"\n");
    return b.toString();
  }

  private static void defaultVar(StringBuilder b, String var, String value) {
    // Quoted, so the expansion is not split or globbed (an env list holds spaces).
    b.append(": \"${").append(var).append(":=").append(value).append("}\"\n");
  }

  /**
   * {@code word} unchanged if it is a plain word.
   *
   * @throws IllegalArgumentException otherwise
   */
  static String plain(String word) {
    if (!PLAIN_WORD.matcher(word).matches()) {
      throw new IllegalArgumentException(
          "an rc.d script cannot pass '"
              + word
              + "' through rc.subr's su and sh: use paths and values of letters, digits and"
              + " _ . / : @ % + , = - only");
    }
    return word;
  }

  /** {@code s} as one single-quoted sh word. */
  static String singleQuoted(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
