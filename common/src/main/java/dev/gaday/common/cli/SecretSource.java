package dev.gaday.common.cli;

import dev.gaday.common.error.ToolException;
import dev.gaday.common.secret.Secrets;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
            throw ToolException.usage(option + " " + file + ": " + unreadable(file, e));
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

    /**
     * Why the file could not be read, in words: the system's reason, never the exception's class name
     * (nor its whole message, which for some exceptions is just the path again).
     */
    private static String unreadable(Path file, IOException e) {
        if (Files.isDirectory(file)) {
            return "is a directory, not a file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        String reason = e instanceof FileSystemException system ? system.getReason() : e.getMessage();
        return "cannot read" + (reason == null || reason.isBlank() ? "" : ": " + reason);
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
