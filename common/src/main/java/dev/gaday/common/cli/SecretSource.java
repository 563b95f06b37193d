package dev.gaday.common.cli;

import dev.gaday.common.error.ToolException;
import dev.gaday.common.secret.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads a secret (token, password) from a file or an environment variable, never from the command
 * line, and registers it with {@link Secrets} so that no diagnostic line can show it.
 */
public final class SecretSource {
    private SecretSource() {}

    /** The file's one line, stripped; one usage line naming the option when missing, empty or multi-line. */
    public static String fromFile(String option, Path file) {
        String value;
        try {
            value = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw ToolException.usage(option + " " + file + ": no such file");
        } catch (IOException e) {
            throw ToolException.usage(
                    option + " " + file + ": cannot read: " + e.getClass().getSimpleName());
        }
        if (value.isEmpty()) {
            throw ToolException.usage(option + " " + file + ": the file is empty");
        }
        if (value.contains("\n") || value.contains("\r")) {
            throw ToolException.usage(option + " " + file + ": the file has more than one line");
        }
        Secrets.register(value);
        return value;
    }

    /** The variable's value, stripped; one usage line naming the option when it is unset or blank. */
    public static String fromEnv(String option, String variable, Function<String, String> environment) {
        String value = environment.apply(variable);
        if (value == null || value.strip().isEmpty()) {
            throw ToolException.usage(
                    option + " " + variable + ": environment variable " + variable + " is not set or empty");
        }
        value = value.strip();
        Secrets.register(value);
        return value;
    }
}
