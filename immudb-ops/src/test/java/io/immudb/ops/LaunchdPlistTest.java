package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LaunchdPlistTest {
  @Test
  void rendersImmudbsPropertyListAsTheGoldenFile() {
    GoldenFiles.assertMatches(
        LaunchdPlist.render(ServiceFixtures.immudbLike(InitSystem.LAUNCHD)),
        "io.immudb.immudb.plist");
  }

  @Test
  void thePropertyListIsWellFormedAndEscapesItsStrings() throws Exception {
    ServiceDefinition def =
        SystemdUnitTest.def(List.of("/opt/a&b/<svc>", "--x"), Map.of("K", "v>1"));
    Document doc = parse(LaunchdPlist.render(def));
    Element dict = (Element) doc.getDocumentElement().getElementsByTagName("dict").item(0);
    assertThat(valueAfterKey(dict, "Label")).isEqualTo("io.immudb.svc");
    assertThat(valueAfterKey(dict, "UserName")).isEqualTo("svcuser");
    assertThat(valueAfterKey(dict, "WorkingDirectory")).isEqualTo("/var/lib/svc");
    assertThat(valueAfterKey(dict, "StandardErrorPath")).isEqualTo("/var/log/svc/console.log");
    NodeList args =
        ((Element) doc.getElementsByTagName("array").item(0)).getElementsByTagName("string");
    assertThat(args.item(0).getTextContent()).isEqualTo("/opt/a&b/<svc>");
    assertThat(args.item(1).getTextContent()).isEqualTo("--x");
  }

  @Test
  void controlCharactersAreRefused() {
    assertThatThrownBy(() -> LaunchdPlist.escape("a\u0001b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control character 1");
    assertThat(LaunchdPlist.label(SystemdUnitTest.def(List.of("/bin/x"), Map.of())))
        .isEqualTo("io.immudb.svc");
    assertThat(
            LaunchdManager.INSTANCE.definitionFile(ServiceFixtures.immudbLike(InitSystem.LAUNCHD)))
        .isEqualTo(Path.of("/Library/LaunchDaemons/io.immudb.immudb.plist"));
  }

  /** Parses without fetching the DTD (tests stay offline). */
  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** The text of the element that follows {@code <key>key</key>} among {@code dict}'s children. */
  private static String valueAfterKey(Element dict, String key) {
    NodeList children = dict.getChildNodes();
    boolean found = false;
    for (int i = 0; i < children.getLength(); i++) {
      if (!(children.item(i) instanceof Element e)) {
        continue;
      }
      if (found) {
        return e.getTextContent();
      }
      found = e.getTagName().equals("key") && e.getTextContent().equals(key);
    }
    throw new AssertionError("no key " + key);
  }
}
