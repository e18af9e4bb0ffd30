package io.immudb.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.codenotary.immudb4j.FileRootHolder;
import io.codenotary.immudb4j.ImmuClient;
import io.codenotary.immudb4j.KV;
import io.codenotary.immudb4j.KVList;
import java.util.Arrays;
import java.util.List;

/**
 * One immudb4j 0.1.8 client process for {@link LegacyImmudb4jIT}: {@code <step> <port> <rootsDir>
 * [arg]}, with the SDK's own {@code FileRootHolder} in {@code rootsDir}. Prints {@code OK} when
 * every check of the step held, and exits 1 with the reason otherwise.
 */
public final class Immudb4jScenario {
  static final String DB = "legacydb";
  static final String FLIP_VALUE = "flip-me-value-0123456789";

  private Immudb4jScenario() {}

  public static void main(String[] args) throws Exception {
    String step = args[0];
    int port = Integer.parseInt(args[1]);
    FileRootHolder roots = FileRootHolder.newBuilder().setRootsFolder(args[2]).build();
    ImmuClient c =
        ImmuClient.newBuilder()
            .setServerUrl("127.0.0.1")
            .setServerPort(port)
            .setRootHolder(roots)
            .build();
    try {
      c.login("immudb", "immudb");
      switch (step) {
        case "setup" -> setup(c);
        case "reuse" -> reuse(c);
        case "pad" -> pad(c, Integer.parseInt(args[3]));
        case "expect-fail" -> expectFail(c, args[3]);
        default -> throw new IllegalArgumentException(step);
      }
      System.out.println("OK");
    } finally {
      c.shutdown();
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      System.out.println("FAILED: " + what);
      System.exit(1);
    }
  }

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  private static void setup(ImmuClient c) throws Exception {
    c.createDatabase(DB);
    check(c.databases().contains(DB), "databases() lists " + DB + ": " + c.databases());
    try {
      c.useDatabase("nosuchdb");
      check(false, "useDatabase of an unknown database was accepted");
    } catch (io.grpc.StatusRuntimeException e) {
      check(
          e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND,
          "unknown database: " + e.getStatus());
    }
    c.useDatabase(DB);
    c.set("plain", b("plain-value"));
    check(Arrays.equals(c.get("plain"), b("plain-value")), "set/get");
    c.rawSet("raw", b("raw-value"));
    check(Arrays.equals(c.rawGet("raw"), b("raw-value")), "rawSet/rawGet");
    c.safeSet("safe", b("safe-value"));
    check(Arrays.equals(c.safeGet("safe"), b("safe-value")), "safeSet/safeGet");
    c.safeRawSet("flip", b(FLIP_VALUE));
    check(Arrays.equals(c.safeRawGet("flip"), b(FLIP_VALUE)), "safeRawSet/safeRawGet");
    c.setAll(KVList.newBuilder().add("b1", b("v1")).add("b2", b("v2")).build());
    List<KV> all = c.getAll(List.of("b1", "b2", "missing"));
    check(all.size() == 2, "getAll leaves out missing keys: " + all.size());
    check(Arrays.equals(all.get(1).getValue(), b("v2")), "getAll in request order");
    c.rawSetAll(KVList.newBuilder().add("r1", b("w1")).add("r2", b("w2")).build());
    check(c.rawGetAll(List.of("r2", "r1")).size() == 2, "rawSetAll/rawGetAll");
    check(c.root().getIndex() > 0, "a root past index 0 is held");
    c.logout();
  }

  private static void reuse(ImmuClient c) throws Exception {
    c.useDatabase(DB);
    long before = c.root().getIndex();
    check(before > 0, "the persisted root is reused: " + before);
    check(Arrays.equals(c.safeRawGet("flip"), b(FLIP_VALUE)), "safeRawGet with the old root");
    check(Arrays.equals(c.safeRawGet("v1key"), b("written-by-v1.1")), "a v1.1 write via v0.8");
    for (int i = 0; i < 20; i++) {
      c.safeRawSet("more-" + i, b("more-value-" + i));
    }
    check(c.root().getIndex() >= before + 20, "the root moved forward");
  }

  private static void pad(ImmuClient c, int n) {
    c.useDatabase(DB);
    for (int i = 0; i < n; i++) {
      c.rawSet("pad-" + i, b("pad-value-" + i));
    }
  }

  /** The step passes when reading {@code key} verified is refused, by the server or the SDK. */
  private static void expectFail(ImmuClient c, String key) {
    c.useDatabase(DB);
    try {
      byte[] v = c.safeRawGet(key);
      check(false, "safeRawGet(" + key + ") was accepted: " + new String(v, UTF_8));
    } catch (Exception e) {
      System.out.println("REJECTED " + e.getClass().getName() + ": " + e.getMessage());
    }
  }
}
