package com.winwinmbs.portal.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import org.w3c.dom.Element;

/**
 * What a release publishes, checked on a reactor's files: each method lists the problems it finds,
 * each saying what to change. A module is published unless its pom sets {@code maven.deploy.skip}
 * to {@code true}; the root pom (the parent) is published too.
 */
final class ReleaseChecks {

  static final String BOM = "portal-api-bom";

  private static final String VERSION_EXPRESSION = "${project.version}";

  private static final Pattern DOT = Pattern.compile("\\.");

  private ReleaseChecks() {}

  /** The root pom's modules, profiles included, keyed by artifactId. */
  static Map<String, Pom> modules(Path root) {
    Map<String, Pom> modules = new LinkedHashMap<>();
    for (String module : Pom.read(root.resolve("pom.xml")).modules()) {
      Pom pom = Pom.module(root.resolve(module));
      modules.put(pom.artifactId(), pom);
    }
    return modules;
  }

  /** The published modules other than the BOM: what the BOM must manage. */
  static Set<String> publishedModules(Path root) {
    Set<String> published = new TreeSet<>();
    modules(root)
        .forEach(
            (artifactId, pom) -> {
              if (pom.published() && !artifactId.equals(BOM)) {
                published.add(artifactId);
              }
            });
    return published;
  }

  /**
   * The BOM as written manages exactly the published modules, each at the reactor's version, and
   * nothing else.
   */
  static List<String> bomProblems(Path root) {
    Map<String, Pom> modules = modules(root);
    Pom bom = modules.get(BOM);
    if (bom == null) {
      return List.of("no module " + BOM + " in " + root.resolve("pom.xml"));
    }
    List<String> problems = new ArrayList<>();
    if (!bom.published()) {
      problems.add(BOM + " sets maven.deploy.skip: users import it, so it must be published");
    }
    problems.addAll(managedProblems(bom, publishedModules(root), groupId(root), "pom.xml"));
    return problems;
  }

  /**
   * The BOM that is installed and published ({@code target/.flattened-pom.xml}): no parent, no
   * properties, exactly the published modules, and what Maven Central requires of a POM.
   */
  static List<String> publishedBomProblems(Path root) {
    Path flattened = root.resolve(BOM).resolve("target/.flattened-pom.xml");
    if (!Files.isRegularFile(flattened)) {
      return List.of(
          flattened + " is missing: build " + BOM + " first (its flatten execution writes it)");
    }
    Pom bom = Pom.read(flattened);
    List<String> problems = new ArrayList<>();
    if (bom.element("parent").isPresent()) {
      problems.add(
          "the published "
              + BOM
              + " has a parent: importing it would import the parent's dependencyManagement too");
    }
    if (bom.element("properties").isPresent()) {
      problems.add("the published " + BOM + " carries the build's properties");
    }
    if (!bom.text("version").equals(Pom.read(root.resolve("pom.xml")).text("version"))) {
      problems.add("the published " + BOM + " has another version than the reactor");
    }
    problems.addAll(
        managedProblems(bom, publishedModules(root), groupId(root), "target/.flattened-pom.xml"));
    problems.addAll(metadataProblems(bom, null));
    return problems;
  }

  private static List<String> managedProblems(
      Pom bom, Set<String> published, String groupId, String file) {
    List<String> problems = new ArrayList<>();
    Set<String> managed = new LinkedHashSet<>();
    for (Element dependency : bom.elements("dependencyManagement/dependencies/dependency")) {
      String group = Pom.childText(dependency, "groupId").orElse("");
      String artifact = Pom.childText(dependency, "artifactId").orElse("");
      if (!group.equals(groupId)) {
        problems.add(
            BOM
                + " manages "
                + group
                + ":"
                + artifact
                + ": a BOM that users import must manage only this project's modules");
        continue;
      }
      managed.add(artifact);
      if (!Pom.childText(dependency, "version").orElse("").equals(VERSION_EXPRESSION)) {
        problems.add(
            BOM
                + " gives "
                + artifact
                + " a version other than "
                + VERSION_EXPRESSION
                + ": fix it");
      }
      if (!published.contains(artifact)) {
        problems.add(
            BOM
                + " manages "
                + artifact
                + ", which is not a published module of this build: remove it from "
                + BOM
                + "/"
                + file);
      }
    }
    for (String module : published) {
      if (!managed.contains(module)) {
        problems.add(
            module
                + " is published (its pom does not set maven.deploy.skip) but "
                + BOM
                + " does not manage it: add it to "
                + BOM
                + "/pom.xml, or set maven.deploy.skip to true in its pom if it is not published");
      }
    }
    return problems;
  }

  /**
   * The root pom and every published module's pom carry what Maven Central requires: name and
   * description of their own; url, licenses, scm and developers of their own or from the root pom,
   * which passes url and scm on unchanged (no module path appended).
   */
  static List<String> pomMetadataProblems(Path root) {
    Pom parent = Pom.read(root.resolve("pom.xml"));
    List<String> problems = new ArrayList<>(metadataProblems(parent, null));
    if (!"false".equals(parent.project().getAttribute("child.project.url.inherit.append.path"))) {
      problems.add(
          "the root pom's <project> lacks child.project.url.inherit.append.path=\"false\":"
              + " every module's url would get its directory appended");
    }
    parent
        .element("scm")
        .ifPresent(
            scm -> {
              for (String part : List.of("connection", "developerConnection", "url")) {
                String attribute = "child.scm." + part + ".inherit.append.path";
                if (!"false".equals(scm.getAttribute(attribute))) {
                  problems.add(
                      "the root pom's <scm> lacks "
                          + attribute
                          + "=\"false\": every module's scm "
                          + part
                          + " would get its directory appended");
                }
              }
            });
    modules(root).values().stream()
        .filter(Pom::published)
        .forEach(pom -> problems.addAll(metadataProblems(pom, parent)));
    return problems;
  }

  private static List<String> metadataProblems(Pom pom, Pom parent) {
    List<String> problems = new ArrayList<>();
    String name = pom.text("artifactId").orElse(String.valueOf(pom.file()));
    for (String own : List.of("name", "description")) {
      if (pom.text(own).isEmpty()) {
        problems.add(name + " has no <" + own + "> of its own: Maven Central requires one");
      }
    }
    for (String path :
        List.of(
            "url",
            "licenses/license/name",
            "licenses/license/url",
            "scm/url",
            "scm/connection",
            "scm/developerConnection",
            "developers/developer/name")) {
      boolean inherited =
          parent != null
              && pom.element("parent").isPresent()
              && pom.text("parent/artifactId").equals(parent.text("artifactId"))
              && parent.text(path).isPresent();
      if (pom.text(path).isEmpty() && !inherited) {
        problems.add(name + " has no <" + path.replace("/", "><") + ">: Maven Central requires it");
      }
    }
    return problems;
  }

  /**
   * Each published jar module's jar, as {@code package} made it, names a valid automatic module of
   * its own, and its {@code -sources} and {@code -javadoc} jars are there.
   */
  static List<String> jarProblems(Path root) {
    String version = Pom.read(root.resolve("pom.xml")).text("version").orElseThrow();
    List<String> problems = new ArrayList<>();
    Map<String, String> moduleNames = new LinkedHashMap<>();
    for (Pom pom : modules(root).values()) {
      if (!pom.published() || !pom.packaging().equals("jar")) {
        continue;
      }
      String artifactId = pom.artifactId();
      Path target = pom.directory().resolve("target");
      Path jar = target.resolve(artifactId + "-" + version + ".jar");
      if (!Files.isRegularFile(jar)) {
        problems.add(
            jar
                + " is missing: run the build through package, with "
                + artifactId
                + " among the dependencies of portal-api-release-checks so it is built first");
        continue;
      }
      String moduleName = automaticModuleName(jar);
      if (moduleName == null) {
        problems.add(
            artifactId
                + "'s jar has no Automatic-Module-Name in its manifest: set one in the"
                + " maven-jar-plugin configuration of its pom");
      } else if (!isModuleName(moduleName)) {
        problems.add(
            artifactId + "'s Automatic-Module-Name '" + moduleName + "' is not a module name");
      } else if (moduleNames.containsKey(moduleName)) {
        problems.add(
            artifactId
                + " and "
                + moduleNames.get(moduleName)
                + " both name their automatic module "
                + moduleName);
      } else {
        moduleNames.put(moduleName, artifactId);
      }
      for (String classifier : List.of("sources", "javadoc")) {
        Path attached = target.resolve(artifactId + "-" + version + "-" + classifier + ".jar");
        if (!hasEntries(attached)) {
          problems.add(
              attached
                  + " is missing or holds nothing outside META-INF: Maven Central requires a "
                  + classifier
                  + " jar");
        }
      }
    }
    return problems;
  }

  private static String automaticModuleName(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      return manifest == null
          ? null
          : manifest.getMainAttributes().getValue("Automatic-Module-Name");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + jar + ": " + e.getMessage(), e);
    }
  }

  /** What the JDK accepts as Automatic-Module-Name: dot-separated Java identifiers. */
  static boolean isModuleName(String name) {
    if (name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
      return false;
    }
    for (String part : DOT.split(name)) {
      if (!SourceVersion.isIdentifier(part) || SourceVersion.isKeyword(part)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasEntries(Path jar) {
    if (!Files.isRegularFile(jar)) {
      return false;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream()
          .anyMatch(entry -> !entry.isDirectory() && !entry.getName().startsWith("META-INF/"));
    } catch (IOException e) {
      return false;
    }
  }

  private static String groupId(Path root) {
    return Pom.read(root.resolve("pom.xml")).text("groupId").orElseThrow();
  }
}
