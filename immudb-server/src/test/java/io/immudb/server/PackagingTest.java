package io.immudb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The container and Kubernetes files cannot be run here (no Docker engine), so this checks what can
 * be checked by reading them: every module, build output and main class they name exists and
 * matches what the launchers in bin/ run, and the Kubernetes manifest parses and is consistent.
 */
class PackagingTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Pattern MODULE = Pattern.compile("-pl (\\S+) -am package");
  private static final Pattern COPY_FROM_TARGET = Pattern.compile("cp (\\S+?)/target/(\\S+) ");
  private static final Pattern ENTRYPOINT =
      Pattern.compile("ENTRYPOINT \\[\"java\", \"-cp\", \"([^\"]+)\", \"([\\w.]+)\"\\]");

  private static String read(String path) throws Exception {
    return Files.readString(ROOT.resolve(path));
  }

  /** Checks one Dockerfile; returns its ENTRYPOINT main class. */
  private static String checkDockerfile(String path, String module, String launcher)
      throws Exception {
    String df = read(path);
    assertThat(df)
        .contains("FROM maven:3-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre");
    Matcher m = MODULE.matcher(df);
    assertThat(m.find()).as(path + " builds a module").isTrue();
    assertThat(m.group(1)).isEqualTo(module);
    assertThat(ROOT.resolve(module).resolve("pom.xml")).exists();
    assertThat(read(module + "/pom.xml"))
        .contains("<outputDirectory>${project.build.directory}/lib");
    Matcher cp = COPY_FROM_TARGET.matcher(df);
    List<String> copied = new ArrayList<>();
    while (cp.find()) {
      assertThat(cp.group(1)).isEqualTo(module);
      copied.add(cp.group(2));
    }
    assertThat(copied).containsExactly("lib/*.jar", module + "-*.jar");
    Matcher e = ENTRYPOINT.matcher(df);
    assertThat(e.find()).as(path + " has an exec-form java ENTRYPOINT").isTrue();
    String jar = module + ".jar";
    assertThat(e.group(1)).isEqualTo("/opt/immudb/" + jar + ":/opt/immudb/lib/*");
    assertThat(df).contains("/out/" + jar);
    String main = e.group(2);
    assertThat(ROOT.resolve(module + "/src/main/java/" + main.replace('.', '/') + ".java"))
        .exists();
    assertThat(read(launcher)).contains("immudb_launch " + module + " " + main + " ");
    Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(df);
    assertThat(user.find()).isTrue();
    assertThat(user.group(1)).isNotIn("root", "0");
    return main;
  }

  @Test
  void serverDockerfileRunsWhatBinImmudbRuns() throws Exception {
    String df = read("build/docker/Dockerfile");
    assertThat(checkDockerfile("build/docker/Dockerfile", "immudb-server", "bin/immudb"))
        .isEqualTo(ImmudbMain.class.getName());
    assertThat(df)
        .contains("EXPOSE 3322 9497")
        .contains("VOLUME /var/lib/immudb")
        .contains("IMMUDB_DIR=/var/lib/immudb")
        .contains("mvn -B -DskipTests");
  }

  @Test
  void toolDockerfilesRunWhatTheLaunchersRun() throws Exception {
    assertThat(
            checkDockerfile("build/docker/Dockerfile.immuclient", "immudb-cli", "bin/immuclient"))
        .isEqualTo("io.immudb.cli.Immuclient");
    assertThat(read("build/docker/Dockerfile.immuclient")).contains("IMMUCLIENT_IMMUDB_ADDRESS=");
    assertThat(checkDockerfile("build/docker/Dockerfile.immuadmin", "immudb-cli", "bin/immuadmin"))
        .isEqualTo("io.immudb.cli.Immuadmin");
    assertThat(read("build/docker/Dockerfile.immuadmin")).contains("IMMUADMIN_IMMUDB_ADDRESS=");
  }

  @Test
  void dockerignoreKeepsBuildOutputOut() throws Exception {
    assertThat(read(".dockerignore").lines()).contains("**/target", ".git");
  }

  @Test
  @SuppressWarnings("unchecked")
  void kubernetesManifestParsesAndIsConsistent() throws Exception {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object o : new Yaml().loadAll(read("deploy/kubernetes/immudb.yaml"))) {
      docs.add((Map<String, Object>) o);
    }
    Map<String, Map<String, Object>> byKind = new java.util.HashMap<>();
    docs.forEach(d -> byKind.put((String) d.get("kind"), d));
    assertThat(byKind).containsOnlyKeys("Secret", "Service", "StatefulSet");

    Map<String, Object> secret = byKind.get("Secret");
    String secretName = (String) get(secret, "metadata", "name");
    Map<String, Object> secretData = (Map<String, Object>) secret.get("stringData");

    Map<String, Object> service = byKind.get("Service");
    List<Map<String, Object>> servicePorts =
        (List<Map<String, Object>>) get(service, "spec", "ports");
    assertThat(servicePorts).extracting(p -> p.get("port")).containsExactly(3322, 9497);

    Map<String, Object> sts = byKind.get("StatefulSet");
    Map<String, Object> podLabels =
        (Map<String, Object>) get(sts, "spec", "template", "metadata", "labels");
    assertThat(podLabels)
        .containsAllEntriesOf((Map<String, Object>) get(service, "spec", "selector"));
    assertThat(podLabels)
        .containsAllEntriesOf((Map<String, Object>) get(sts, "spec", "selector", "matchLabels"));
    Map<String, Object> container =
        ((List<Map<String, Object>>) get(sts, "spec", "template", "spec", "containers")).get(0);
    List<Map<String, Object>> ports = (List<Map<String, Object>>) container.get("ports");
    assertThat(ports).extracting(p -> p.get("containerPort")).containsExactly(3322, 9497);
    assertThat(ports).extracting(p -> p.get("name")).containsExactly("grpc", "metrics");
    for (Map<String, Object> p : servicePorts) {
      assertThat(p.get("targetPort")).isIn("grpc", "metrics");
    }

    assertThat(get(container, "livenessProbe", "httpGet", "path")).isEqualTo("/livez");
    assertThat(get(container, "livenessProbe", "httpGet", "port")).isEqualTo("metrics");
    assertThat(get(container, "readinessProbe", "httpGet", "path")).isEqualTo("/readyz");
    assertThat(get(container, "readinessProbe", "httpGet", "port")).isEqualTo("metrics");

    List<Map<String, Object>> env = (List<Map<String, Object>>) container.get("env");
    Map<String, Object> password =
        env.stream()
            .filter(e -> "IMMUDB_ADMIN_PASSWORD".equals(e.get("name")))
            .findFirst()
            .orElseThrow();
    Map<String, Object> ref = (Map<String, Object>) get(password, "valueFrom", "secretKeyRef");
    assertThat(ref.get("name")).isEqualTo(secretName);
    assertThat(secretData).containsKey((String) ref.get("key"));
    assertThat(
            io.immudb.server.auth.UserRules.isStrongPassword(
                (String) secretData.get(ref.get("key"))))
        .as("the example password passes immudb's password rules")
        .isTrue();

    Map<String, Object> claimTemplate =
        ((List<Map<String, Object>>) get(sts, "spec", "volumeClaimTemplates")).get(0);
    String claim = (String) get(claimTemplate, "metadata", "name");
    List<Map<String, Object>> mounts = (List<Map<String, Object>>) container.get("volumeMounts");
    assertThat(mounts)
        .anySatisfy(
            mnt -> {
              assertThat(mnt.get("name")).isEqualTo(claim);
              assertThat(mnt.get("mountPath")).isEqualTo("/var/lib/immudb");
            });
    assertThat(get(sts, "spec", "template", "spec", "securityContext", "runAsUser"))
        .isEqualTo(3322);
    assertThat(read("build/docker/Dockerfile")).contains("--uid 3322");
  }

  @SuppressWarnings("unchecked")
  private static Object get(Map<String, Object> map, String... path) {
    Object cur = map;
    for (String key : path) {
      assertThat(cur).as("parent of " + key).isInstanceOf(Map.class);
      cur = ((Map<String, Object>) cur).get(key);
    }
    assertThat(cur).as(String.join(".", path)).isNotNull();
    return cur;
  }
}
