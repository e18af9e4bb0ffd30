package io.immudb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes example cannot be applied here (no cluster), so this checks what can be checked by
 * reading it: the manifest parses and is consistent with itself, the server's ports and password
 * rules, and the server image (the Dockerfiles are checked in immudb-dist, which builds the archive
 * they unpack).
 */
class PackagingTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static String read(String path) throws Exception {
    return Files.readString(ROOT.resolve(path));
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
    assertThat(servicePorts).extracting(p -> p.get("port")).containsExactly(3322, 9497, 8080);

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
    assertThat(ports).extracting(p -> p.get("containerPort")).containsExactly(3322, 9497, 8080);
    assertThat(ports).extracting(p -> p.get("name")).containsExactly("grpc", "metrics", "http");
    for (Map<String, Object> p : servicePorts) {
      assertThat(p.get("targetPort")).isIn("grpc", "metrics", "http");
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
