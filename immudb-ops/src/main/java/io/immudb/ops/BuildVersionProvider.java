package io.immudb.ops;

import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code --version} text of a tool: the {@link BuildInfo#lines} of its root command's name. Use
 * as {@code @Command(versionProvider = BuildVersionProvider.class)}.
 */
public final class BuildVersionProvider implements IVersionProvider {
  @Spec CommandSpec spec;

  @Override
  public String[] getVersion() {
    String tool = spec == null ? "immudb" : spec.root().name();
    return BuildInfo.current().lines(tool).toArray(String[]::new);
  }
}
