package io.immudb.cli;

import picocli.CommandLine.IVersionProvider;

/** The version line of the tools: the immudb API version and this build. */
public final class Versions implements IVersionProvider {
  static final String VERSION = "1.1.0-immudb-java-0.1.0";

  @Override
  public String[] getVersion() {
    return new String[] {line("${COMMAND-NAME}")};
  }

  /** The version line of {@code tool}. */
  static String line(String tool) {
    Package p = Versions.class.getPackage();
    String build = p.getImplementationVersion() == null ? "dev" : p.getImplementationVersion();
    return tool + " " + VERSION + " (build " + build + ", Java " + Runtime.version() + ")";
  }
}
