package dev.gaday.common.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** --version for every tool, from the version Maven filtered into build.properties. */
public final class BuildInfo implements IVersionProvider {
    @Spec
    CommandSpec spec;

    public static String version() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        String name = spec == null ? "ga-day-toolkit" : spec.root().name();
        return new String[] {name + " " + version(), "GA Day Toolkit, Java ${java.version}"};
    }
}
