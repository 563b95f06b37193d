package dev.gaday.common.cli;

import dev.gaday.common.error.ToolException;
import dev.gaday.common.secret.Secrets;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --bearer-token-file FILE} / {@code --bearer-token-env VAR}: a bearer token from a file or an
 * environment variable, never a literal on the command line. Shared by the Prometheus connection and
 * ws-health. Use: {@code @Mixin BearerTokenOptions bearer;} then {@code bearer.token(environment)}
 * in {@code validate()}.
 */
public class BearerTokenOptions {
    public static final String FILE_OPTION = "--bearer-token-file";
    public static final String ENV_OPTION = "--bearer-token-env";

    private Path file;
    private String fileOption = FILE_OPTION;
    private String variable;
    private String variableOption = ENV_OPTION;

    @Option(
            names = FILE_OPTION,
            paramLabel = "FILE",
            description = "Send 'Authorization: Bearer <token>' with the token read from FILE (one line; surrounding "
                    + "whitespace ignored).")
    void file(Path value) {
        fromFile(FILE_OPTION, value);
    }

    @Option(
            names = ENV_OPTION,
            paramLabel = "VAR",
            description = "Send 'Authorization: Bearer <token>' with the token read from environment variable VAR.")
    void variable(String value) {
        fromEnv(ENV_OPTION, value);
    }

    /** For a tool's older spelling of the file option (a hidden alias): the same as --bearer-token-file. */
    public void fromFile(String option, Path value) {
        this.file = value;
        if (value != null) {
            this.fileOption = option;
        }
    }

    /** For a tool's older spelling of the variable option (a hidden alias): the same as --bearer-token-env. */
    public void fromEnv(String option, String value) {
        this.variable = value;
        if (value != null) {
            this.variableOption = option;
        }
    }

    /** Whether a token source was given. */
    public boolean given() {
        return file != null || variable != null;
    }

    /**
     * The token, read and registered with {@link Secrets}; null when no source was given. One usage
     * line when both sources were given, or the chosen one is missing, empty or unset.
     */
    public String token(Function<String, String> environment) {
        if (file != null && variable != null) {
            throw ToolException.usage(
                    "give the bearer token once: " + fileOption + " or " + variableOption + ", not both");
        }
        if (file != null) {
            return SecretSource.fromFile(fileOption, file);
        }
        if (variable != null) {
            return SecretSource.fromEnv(variableOption, variable, environment);
        }
        return null;
    }
}
