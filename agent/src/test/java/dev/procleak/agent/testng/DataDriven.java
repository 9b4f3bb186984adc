package dev.procleak.agent.testng;

import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Run by ProcleakTestNgListenerTest on TestNG 7.5.1, the oldest the listener is built for. */
public class DataDriven {
  @BeforeMethod
  public void configuration() {}

  @Test
  public void plain() {}

  @DataProvider
  public Object[][] values() {
    return new Object[][] {{"a", 1}, {"b", 2}, {"c", 3}};
  }

  @Test(dataProvider = "values")
  public void each(String text, int number) {}
}
