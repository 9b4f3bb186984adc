package dev.procleak.core.report;

import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code TEST-procleak.xml} in Surefire's report format, so that CI test-report viewers
 * (Jenkins, GitLab, GitHub) list each leaking scope as a failed test case, with the console text as
 * its failure, next to the test's own result. A clean module gets one passing case.
 */
public final class JunitXmlReport {
  public static final String FILE_NAME = "TEST-procleak.xml";

  /** The {@code type} of each failure. */
  public static final String FAILURE_TYPE = "dev.procleak.ProcessLeak";

  static final String SCHEMA_LOCATION =
      "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd";
  static final String SUITE = "procleak";
  static final String CLEAN_CASE = "no leaked processes";
  static final String LEFTOVERS_CASE = "left running by earlier builds";

  /** The {@code type} of the failure that says no test was checked. */
  public static final String NOTHING_CHECKED_TYPE = "dev.procleak.NothingChecked";

  static final String NOTHING_CHECKED_CASE = "procleak checked no test";
  static final String WHOLE_JVM_CASE = "procleak checked the test JVM only as a whole";

  private JunitXmlReport() {}

  /** The writer of {@code TEST-procleak.xml} in {@code directory}. */
  public static ReportWriter into(Path directory) {
    return ReportWriter.ofFile(
        directory.resolve(FILE_NAME), ReportWriter.Mention.REPORT, JunitXmlReport::write);
  }

  public static void write(Path file, LeakReport report) throws IOException {
    AtomicFile.write(file, out -> write(out, report));
  }

  static void write(OutputStream out, LeakReport report) throws IOException {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      newLine(xml, 0);
      xml.writeStartElement("testsuite");
      xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
      xml.writeAttribute(
          "http://www.w3.org/2001/XMLSchema-instance",
          "noNamespaceSchemaLocation",
          SCHEMA_LOCATION);
      xml.writeAttribute("version", "3.0.2");
      xml.writeAttribute(
          "name", SUITE + (report.project() == null ? "" : " (" + report.project() + ")"));
      xml.writeAttribute("time", "0");
      int scopes = report.scopes().size();
      int nothingChecked = report.checkedNothing() ? 1 : 0;
      int wholeJvm = (int) report.gaps().stream().filter(gap -> !gap.nothingChecked()).count();
      boolean clean = report.isClean() && nothingChecked == 0;
      int leftovers = report.leftovers().isEmpty() ? 0 : 1;
      xml.writeAttribute(
          "tests", Integer.toString((clean ? 1 : scopes + nothingChecked) + wholeJvm + leftovers));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", Integer.toString(wholeJvm));
      xml.writeAttribute("failures", Integer.toString(scopes + nothingChecked));
      for (CheckGap gap : report.gaps()) {
        newLine(xml, 1);
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", gap.nothingChecked() ? NOTHING_CHECKED_CASE : WHOLE_JVM_CASE);
        xml.writeAttribute("classname", SUITE);
        xml.writeAttribute("time", "0");
        newLine(xml, 2);
        if (gap.nothingChecked()) {
          xml.writeStartElement("failure");
          xml.writeAttribute("message", Printable.xml10(gap.message()));
          xml.writeAttribute("type", NOTHING_CHECKED_TYPE);
          xml.writeCharacters(Printable.xml10(gap.message()));
          xml.writeEndElement();
        } else {
          xml.writeEmptyElement("skipped");
          xml.writeAttribute("message", Printable.xml10(gap.message()));
        }
        newLine(xml, 1);
        xml.writeEndElement();
      }
      if (!report.leftovers().isEmpty()) {
        // Not this build's leaks: a passing case, with what earlier builds left in its output.
        newLine(xml, 1);
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", LEFTOVERS_CASE);
        xml.writeAttribute("classname", SUITE);
        xml.writeAttribute("time", "0");
        newLine(xml, 2);
        xml.writeStartElement("system-out");
        String text =
            report.leftoversLine().orElseThrow() + "\n" + LeakReport.messages(report.leftovers());
        xml.writeCharacters(Printable.xml10(text.replace(System.lineSeparator(), "\n")));
        xml.writeEndElement();
        newLine(xml, 1);
        xml.writeEndElement();
      }
      if (clean) {
        newLine(xml, 1);
        xml.writeEmptyElement("testcase");
        xml.writeAttribute("name", CLEAN_CASE);
        xml.writeAttribute("classname", SUITE);
        xml.writeAttribute("time", "0");
      }
      for (LeakReport.Scope scope : report.scopes()) {
        String message = LeakMessage.format(scope.leaks(), "");
        newLine(xml, 1);
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", Printable.xml10(caseName(scope)));
        xml.writeAttribute("classname", Printable.xml10(className(scope)));
        xml.writeAttribute("time", "0");
        newLine(xml, 2);
        xml.writeStartElement("failure");
        xml.writeAttribute("message", Printable.xml10(message.lines().findFirst().orElse(message)));
        xml.writeAttribute("type", FAILURE_TYPE);
        xml.writeCharacters(Printable.xml10(message.replace(System.lineSeparator(), "\n")));
        xml.writeEndElement();
        newLine(xml, 1);
        xml.writeEndElement();
      }
      newLine(xml, 0);
      xml.writeEndElement();
      newLine(xml, 0);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("procleak could not write its JUnit XML report: " + e.getMessage(), e);
    }
  }

  /**
   * A test's or class's leak goes under its own class, beside the test's result; other scopes under
   * "procleak".
   */
  static String className(LeakReport.Scope scope) {
    String className = scope.name().className();
    return className != null && (scope.kind() == ScopeKind.TEST || scope.kind() == ScopeKind.CLASS)
        ? className
        : SUITE;
  }

  static String caseName(LeakReport.Scope scope) {
    ScopeName name = scope.name();
    if (name.isMethod()) {
      return name.method() + name.invocation() + " leaked processes";
    }
    return switch (scope.kind()) {
      case CLASS -> "the class (outside its test methods) leaked processes";
      // A test its engine names by display names only (a Cucumber scenario): no class to go under.
      case TEST -> name.display() + " leaked processes";
      default -> name.display() + ": leaked processes";
    };
  }

  private static void newLine(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }
}
