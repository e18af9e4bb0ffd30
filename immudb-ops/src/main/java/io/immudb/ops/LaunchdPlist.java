package io.immudb.ops;

import java.util.Map;

/**
 * Renders a {@link ServiceDefinition} as a launchd property list ({@code launchd.plist(5)}) for
 * {@code /Library/LaunchDaemons}. Stateless and thread-safe.
 *
 * <p>The job starts at load and at boot ({@code RunAtLoad}) and is started again 5 s after it exits
 * with a non-zero status ({@code KeepAlive} / {@code SuccessfulExit} false, {@code
 * ThrottleInterval}), like systemd's {@code Restart=on-failure}. launchd has no counterpart of
 * {@code SuccessExitStatus}: a JVM that exits with 143 after an outside SIGTERM is restarted, while
 * {@code launchctl bootout} stops it for good. Standard output and error go to the definition's
 * console log.
 */
public final class LaunchdPlist {
  /** Prefix of the labels of services this project installs (reverse DNS, as launchd expects). */
  public static final String LABEL_PREFIX = "io.immudb.";

  private LaunchdPlist() {}

  /** The job's label, e.g. {@code io.immudb.immudb}. */
  public static String label(ServiceDefinition def) {
    return LABEL_PREFIX + def.name();
  }

  /** The property list's text. */
  public static String render(ServiceDefinition def) {
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\"")
        .append(" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n");
    // "--" may not appear inside an XML comment.
    b.append("<!-- Written by the ")
        .append(def.name().replace("--", "-"))
        .append(" service installer; uninstalling the service removes it. -->\n");
    b.append("<plist version=\"1.0\">\n<dict>\n");
    string(b, 1, "Label", label(def));
    key(b, 1, "ProgramArguments");
    b.append("\t<array>\n");
    for (String arg : def.execStart()) {
      b.append("\t\t<string>").append(escape(arg)).append("</string>\n");
    }
    b.append("\t</array>\n");
    if (!def.environment().isEmpty()) {
      key(b, 1, "EnvironmentVariables");
      b.append("\t<dict>\n");
      for (Map.Entry<String, String> e : def.environment().entrySet()) {
        string(b, 2, e.getKey(), e.getValue());
      }
      b.append("\t</dict>\n");
    }
    string(b, 1, "UserName", def.user());
    string(b, 1, "GroupName", def.user());
    string(b, 1, "WorkingDirectory", def.workingDirectory().toString());
    key(b, 1, "RunAtLoad");
    b.append("\t<true/>\n");
    key(b, 1, "KeepAlive");
    b.append("\t<dict>\n");
    key(b, 2, "SuccessfulExit");
    b.append("\t\t<false/>\n");
    b.append("\t</dict>\n");
    integer(b, "ThrottleInterval", 5);
    integer(b, "ExitTimeOut", 60);
    key(b, 1, "SoftResourceLimits");
    b.append("\t<dict>\n");
    key(b, 2, "NumberOfFiles");
    b.append("\t\t<integer>").append(def.limitNoFile()).append("</integer>\n");
    b.append("\t</dict>\n");
    string(b, 1, "StandardOutPath", def.consoleLog().toString());
    string(b, 1, "StandardErrorPath", def.consoleLog().toString());
    b.append("</dict>\n</plist>\n");
    return b.toString();
  }

  private static void key(StringBuilder b, int depth, String key) {
    b.append("\t".repeat(depth)).append("<key>").append(escape(key)).append("</key>\n");
  }

  private static void string(StringBuilder b, int depth, String key, String value) {
    key(b, depth, key);
    b.append("\t".repeat(depth)).append("<string>").append(escape(value)).append("</string>\n");
  }

  private static void integer(StringBuilder b, String key, long value) {
    key(b, 1, key);
    b.append("\t<integer>").append(value).append("</integer>\n");
  }

  /**
   * {@code s} as XML character data: {@code &}, {@code <} and {@code >} escaped.
   *
   * @throws IllegalArgumentException if {@code s} holds a control character XML 1.0 cannot carry
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> {
          if (c < 0x20 && c != '\t') {
            throw new IllegalArgumentException(
                "a property list cannot hold control character " + (int) c + " in " + s);
          }
          b.append(c);
        }
      }
    }
    return b.toString();
  }
}
