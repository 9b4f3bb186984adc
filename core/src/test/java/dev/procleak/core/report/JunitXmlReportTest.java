package dev.procleak.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procleak.core.model.CleanupOutcome;
import dev.procleak.core.model.Leak;
import dev.procleak.core.model.LeakKind;
import dev.procleak.core.model.ScopeKind;
import dev.procleak.core.model.ScopeName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class JunitXmlReportTest {

  /** Surefire's own XSD, from its source release on the test class path (see core/pom.xml). */
  static Validator surefireXsd() throws SAXException {
    String path = System.getProperty("procleak.test.surefireXsd");
    assertThat(path)
        .as("system property procleak.test.surefireXsd (set in core/pom.xml)")
        .isNotNull();
    URL xsd = JunitXmlReportTest.class.getClassLoader().getResource(path);
    assertThat(xsd).as("%s on the test class path", path).isNotNull();
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    return factory.newSchema(xsd).newValidator();
  }

  static byte[] xml(LeakReport report) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JunitXmlReport.write(out, report);
    return out.toByteArray();
  }

  static Document parse(byte[] xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml));
  }

  @Test
  void eachLeakingScopeIsAFailedTestCaseCarryingTheMessage(@TempDir Path directory)
      throws Exception {
    Path file = directory.resolve(JunitXmlReport.FILE_NAME);
    LeakReport report = JsonReportTest.leaky();

    JunitXmlReport.write(file, report);

    byte[] xml = Files.readAllBytes(file);
    surefireXsd().validate(new StreamSource(new ByteArrayInputStream(xml)));
    Element suite = parse(xml).getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("procleak (demo)");
    assertThat(suite.getAttribute("tests")).isEqualTo("2");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(2);
    Element test = (Element) cases.item(0);
    assertThat(test.getAttribute("classname")).isEqualTo("a.B");
    assertThat(test.getAttribute("name")).isEqualTo("c() leaked processes");
    Element failure = (Element) test.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo(JunitXmlReport.FAILURE_TYPE);
    assertThat(failure.getAttribute("message"))
        .isEqualTo(
            "procleak: 11 processes leaked (8 zombies of 2 culprits, 1 orphan, 2 lingering) by test a.B.c():");
    assertThat(failure.getTextContent())
        .isEqualTo(
            LeakMessage.format(report.scopes().get(0).leaks(), "")
                .replace(System.lineSeparator(), "\n"));
    Element survivor = (Element) cases.item(1);
    assertThat(survivor.getAttribute("classname")).isEqualTo("procleak");
    assertThat(survivor.getAttribute("name"))
        .isEqualTo("the test JVM, found still running after it exited: leaked processes");
    assertThat(survivor.getElementsByTagName("failure").item(0).getTextContent())
        .contains("  ORPHAN    pid 31  sleep 60");
  }

  @Test
  void aCleanModuleIsOnePassingTestCase() throws Exception {
    byte[] xml = xml(LeakReport.of("demo", Leaks.FOUND, List.of(), List.of()));

    surefireXsd().validate(new StreamSource(new ByteArrayInputStream(xml)));
    Element suite = parse(xml).getDocumentElement();
    assertThat(suite.getAttribute("tests")).isEqualTo("1");
    assertThat(suite.getAttribute("failures")).isEqualTo("0");
    Element only = (Element) suite.getElementsByTagName("testcase").item(0);
    assertThat(only.getAttribute("name")).isEqualTo("no leaked processes");
    assertThat(only.getChildNodes().getLength()).isZero();
  }

  @Test
  void aClassScopeGoesUnderItsClass() {
    LeakReport.Scope scope =
        new LeakReport.Scope(
            ScopeKind.CLASS, ScopeName.testClass("a.B$C"), List.of(Leaks.culprit()));

    assertThat(JunitXmlReport.className(scope)).isEqualTo("a.B$C");
    assertThat(JunitXmlReport.caseName(scope))
        .isEqualTo("the class (outside its test methods) leaked processes");
  }

  @Test
  void eachRunOfATestGoesUnderItsClassNamedWithItsInvocation() {
    LeakReport.Scope parameterized =
        new LeakReport.Scope(
            ScopeKind.TEST,
            ScopeName.method("a.B$C", "sleeps(int, String)", "[2] \"x.y (1)\""),
            List.of(Leaks.culprit()));
    LeakReport.Scope dynamic =
        new LeakReport.Scope(
            ScopeKind.TEST,
            ScopeName.method("a.B", "tests()", "[3][2] \"leaks.too()\""),
            List.of(Leaks.culprit()));

    assertThat(JunitXmlReport.className(parameterized)).isEqualTo("a.B$C");
    assertThat(JunitXmlReport.caseName(parameterized))
        .isEqualTo("sleeps(int, String)[2] \"x.y (1)\" leaked processes");
    assertThat(JunitXmlReport.className(dynamic)).isEqualTo("a.B");
    assertThat(JunitXmlReport.caseName(dynamic))
        .isEqualTo("tests()[3][2] \"leaks.too()\" leaked processes");
  }

  @Test
  void aTestNamedOnlyByItsDisplayNamesGoesUnderTheSuite() {
    LeakReport.Scope scenario =
        new LeakReport.Scope(
            ScopeKind.TEST,
            ScopeName.of("demo.Feature › Scenario: x.y()"),
            List.of(Leaks.culprit()));

    assertThat(JunitXmlReport.className(scenario)).isEqualTo("procleak");
    assertThat(JunitXmlReport.caseName(scenario))
        .isEqualTo("demo.Feature › Scenario: x.y() leaked processes");
  }

  @Test
  void anAmbiguousLeakGoesUnderTheTestThatReportedIt() {
    LeakReport.Scope scope =
        new LeakReport.Scope(ScopeKind.TEST, Leaks.TEST, List.of(Leaks.ambiguousOrphan()));

    assertThat(JunitXmlReport.className(scope)).isEqualTo("a.B");
    assertThat(JunitXmlReport.caseName(scope)).isEqualTo("c() leaked processes");
    assertThat(scope.description()).isEqualTo("test a.B.c() or a test that ran at the same time");
  }

  @Test
  void commandsAndNamesNobodyPlannedForKeepTheFileWellFormed(@TempDir Path directory)
      throws Exception {
    String hostile = "sh -c sleep 61; : a\u0001b\u001b[31mred\nline <b>&amp;</b> \uD83D";
    Leak leak =
        Leaks.leak(
                LeakKind.LINGERING,
                4711,
                hostile,
                Duration.ofSeconds(1),
                CleanupOutcome.of(CleanupOutcome.Action.TERMINATED_BY_SIGTERM),
                Leaks.JVM)
            .withScope(ScopeName.method("a.B", "c(String)", "[1] \"x\u0001\ny\""));
    Path file = directory.resolve(JunitXmlReport.FILE_NAME);

    JunitXmlReport.write(
        file,
        LeakReport.of(
            "demo",
            Leaks.FOUND,
            List.of(new JvmReport(10, "c", true, 1, List.of(leak))),
            List.of()));

    byte[] xml = Files.readAllBytes(file);
    surefireXsd().validate(new StreamSource(new ByteArrayInputStream(xml)));
    Element failure = (Element) parse(xml).getElementsByTagName("failure").item(0);
    assertThat(failure.getTextContent())
        .contains(
            "  LINGERING pid 4711  sh -c sleep 61; : a\\u0001b\\u001b[31mred\\nline <b>&amp;</b>"
                + " \\ud83d\n");
    assertThat(failure.getAttribute("message"))
        .isEqualTo("procleak: 1 process leaked by test a.B.c(String)[1] \"x\\u0001\\ny\":");
  }

  @Test
  void theXsdRejectsWhatSurefireWouldNotWrite() throws Exception {
    String xml = new String(xml(JsonReportTest.leaky()), StandardCharsets.UTF_8);
    String noName = xml.replaceFirst(" name=\"c\\(\\) leaked processes\"", "");

    assertThat(noName).isNotEqualTo(xml);
    assertThatThrownBy(
            () ->
                surefireXsd()
                    .validate(
                        new StreamSource(
                            new ByteArrayInputStream(noName.getBytes(StandardCharsets.UTF_8)))))
        .isInstanceOf(SAXException.class)
        .hasMessageContaining("name");
  }
}
