package com.winwinmbs.portal.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** One pom.xml as written (not the effective model): its elements, read by path from the root. */
record Pom(Path file, Element project) {

  static Pom read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return new Pom(file, factory.newDocumentBuilder().parse(in).getDocumentElement());
    } catch (IOException | ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The pom of the module in {@code directory}. */
  static Pom module(Path directory) {
    return read(directory.resolve("pom.xml"));
  }

  Path directory() {
    return file.getParent();
  }

  String artifactId() {
    return text("artifactId").orElseThrow();
  }

  String packaging() {
    return text("packaging").orElse("jar");
  }

  /** Whether the module is published: its pom does not set {@code maven.deploy.skip} to true. */
  boolean published() {
    return !text("properties/maven.deploy.skip").map(String::strip).orElse("").equals("true");
  }

  /** The modules it aggregates, those of its profiles included. */
  List<String> modules() {
    List<String> modules = new ArrayList<>();
    elements("modules/module").forEach(e -> modules.add(e.getTextContent().strip()));
    for (Element profile : elements("profiles/profile")) {
      children(profile, "modules").stream()
          .flatMap(m -> children(m, "module").stream())
          .forEach(e -> modules.add(e.getTextContent().strip()));
    }
    return modules;
  }

  /** The text of the element at a path such as {@code scm/url}, if it is there and not blank. */
  Optional<String> text(String path) {
    return element(path).map(e -> e.getTextContent().strip()).filter(t -> !t.isEmpty());
  }

  Optional<Element> element(String path) {
    List<Element> found = elements(path);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** The elements at a path of child names, for example {@code licenses/license}. */
  List<Element> elements(String path) {
    List<Element> current = List.of(project);
    for (String name : path.split("/")) {
      List<Element> next = new ArrayList<>();
      current.forEach(e -> next.addAll(children(e, name)));
      current = next;
    }
    return current;
  }

  static List<Element> children(Element parent, String name) {
    List<Element> children = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName(e).equals(name)) {
        children.add(e);
      }
    }
    return children;
  }

  static Optional<String> childText(Element parent, String name) {
    return children(parent, name).stream()
        .findFirst()
        .map(e -> e.getTextContent().strip())
        .filter(t -> !t.isEmpty());
  }

  private static String localName(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }
}
