package io.immudb.bench.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses SVG text as XML (so malformed or badly escaped markup fails) and queries it. */
public final class SvgDom {
  private final Document doc;

  private SvgDom(Document doc) {
    this.doc = doc;
  }

  public static SvgDom parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return new SvgDom(
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
  }

  public Element root() {
    return doc.getDocumentElement();
  }

  /** The {@code <g class="series">} of the series named {@code name}. */
  public Element series(String name) {
    for (Element g : elements(root(), "g")) {
      if ("series".equals(g.getAttribute("class")) && name.equals(g.getAttribute("data-name"))) {
        return g;
      }
    }
    throw new AssertionError("no series " + name);
  }

  /** The descendants of {@code e} named {@code tag}, in document order. */
  public static List<Element> elements(Element e, String tag) {
    NodeList nl = e.getElementsByTagNameNS("*", tag);
    List<Element> r = new ArrayList<>();
    for (int i = 0; i < nl.getLength(); i++) {
      r.add((Element) nl.item(i));
    }
    return r;
  }

  /** The text of every {@code <text>} element. */
  public List<String> texts() {
    return elements(root(), "text").stream().map(Element::getTextContent).toList();
  }
}
