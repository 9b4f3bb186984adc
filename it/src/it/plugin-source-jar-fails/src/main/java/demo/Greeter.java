package demo;

/** Something for maven-source-plugin to package. */
public final class Greeter {
  private Greeter() {}

  public static String greet(String name) {
    return "hello " + name;
  }
}
