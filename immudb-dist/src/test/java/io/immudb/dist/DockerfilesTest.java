package io.immudb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The images cannot be built here (no Docker engine), so this checks what can be checked by reading
 * the Dockerfiles: each builds the release archive of this module, unpacks it, and runs the
 * archive's launcher for its tool, which runs a main class that exists, as a non-root user.
 */
class DockerfilesTest {
  private static final Path ROOT =
      Path.of(System.getProperty("immudb.root", "..")).toAbsolutePath().normalize();
  private static final Pattern ENTRYPOINT =
      Pattern.compile("ENTRYPOINT \\[\"/opt/immudb/bin/([\\w-]+)\"\\]");
  private static final Pattern RUN_MAIN = Pattern.compile("immudb_run ([\\w.]+) (server|cli) ");

  private static String read(String path) throws Exception {
    return Files.readString(ROOT.resolve(path));
  }

  /** Checks one Dockerfile; returns the main class its tool runs. */
  private static String checkDockerfile(String path, String tool) throws Exception {
    String df = read(path);
    assertThat(df)
        .contains("FROM maven:3-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre")
        .contains("mvn -B -Dmaven.test.skip=true -pl immudb-dist -am package")
        .contains("tar -xzf immudb-dist/target/immudb-*.tar.gz -C /out --strip-components=1")
        .contains("COPY --from=build /out/ /opt/immudb/");
    assertThat(read("immudb-dist/pom.xml"))
        .contains("<finalName>immudb-${project.version}</finalName>");
    assertThat(read("immudb-dist/src/assembly/release.xml")).contains("<format>tar.gz</format>");
    Matcher e = ENTRYPOINT.matcher(df);
    assertThat(e.find()).as(path + " runs an archive launcher").isTrue();
    assertThat(e.group(1)).isEqualTo(tool);
    Matcher run = RUN_MAIN.matcher(read("immudb-dist/src/dist/bin/" + tool));
    assertThat(run.find()).as("the archive's bin/" + tool + " runs a main class").isTrue();
    String main = run.group(1);
    String module =
        run.group(2).equals("server")
            ? "immudb-server"
            : main.startsWith("io.immudb.gw.") ? "immudb-gw" : "immudb-cli";
    assertThat(ROOT.resolve(module + "/src/main/java/" + main.replace('.', '/') + ".java"))
        .exists();
    assertThat(read("bin/" + tool))
        .as("the checkout's launcher runs the same class")
        .contains(" " + main + " ");
    Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(df);
    assertThat(user.find()).isTrue();
    assertThat(user.group(1)).isNotIn("root", "0");
    return main;
  }

  @Test
  void serverDockerfileRunsTheArchivesImmudb() throws Exception {
    assertThat(checkDockerfile("build/docker/Dockerfile", "immudb"))
        .isEqualTo("io.immudb.server.ImmudbMain");
    assertThat(read("build/docker/Dockerfile"))
        .contains("EXPOSE 3322 9497 8080")
        .contains("VOLUME /var/lib/immudb")
        .contains("IMMUDB_DIR=/var/lib/immudb")
        .contains("--uid 3322");
  }

  @Test
  void toolDockerfilesRunTheArchivesTools() throws Exception {
    assertThat(checkDockerfile("build/docker/Dockerfile.immuclient", "immuclient"))
        .isEqualTo("io.immudb.cli.Immuclient");
    assertThat(read("build/docker/Dockerfile.immuclient")).contains("IMMUCLIENT_IMMUDB_ADDRESS=");
    assertThat(checkDockerfile("build/docker/Dockerfile.immuadmin", "immuadmin"))
        .isEqualTo("io.immudb.cli.Immuadmin");
    assertThat(read("build/docker/Dockerfile.immuadmin")).contains("IMMUADMIN_IMMUDB_ADDRESS=");
    assertThat(checkDockerfile("build/docker/Dockerfile.immugw", "immugw"))
        .isEqualTo("io.immudb.gw.Immugw");
    assertThat(read("build/docker/Dockerfile.immugw"))
        .contains("IMMUGW_IMMUDB_ADDRESS=", "EXPOSE 3323 9476", "VOLUME /var/lib/immugw");
  }

  @Test
  void dockerignoreKeepsBuildOutputOut() throws Exception {
    assertThat(read(".dockerignore").lines()).contains("**/target", ".git");
  }
}
