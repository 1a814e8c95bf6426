package dev.vgan.tools.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints vgan's version with the JVM it runs on. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {
        "vgan " + (version == null ? "(development build)" : version),
        "JVM " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
