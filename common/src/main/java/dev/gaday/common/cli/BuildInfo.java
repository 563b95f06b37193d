package dev.gaday.common.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** --version for every tool: the version and the git commit Maven filtered into build.properties. */
public final class BuildInfo implements IVersionProvider {
    @Spec
    CommandSpec spec;

    public static String version() {
        return property("version");
    }

    /** The commit the tool was built from ("0123456789ab", with "-dirty" for uncommitted changes), or "unknown". */
    public static String commit() {
        String commit = property("commit");
        return commit.equals("unknown") ? commit : commit + ("true".equals(property("dirty")) ? "-dirty" : "");
    }

    private static String property(String name) {
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String value = properties.getProperty(name, "unknown");
            // Unfiltered (a build outside a git checkout): the placeholder itself.
            return value.isBlank() || value.startsWith("${") ? "unknown" : value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        String name = spec == null ? "ga-day-toolkit" : spec.root().name();
        return new String[] {
            name + " " + version() + " (commit " + commit() + ")", "GA Day Toolkit, Java ${java.version}"
        };
    }
}
