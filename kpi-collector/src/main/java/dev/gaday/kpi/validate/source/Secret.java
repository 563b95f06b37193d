package dev.gaday.kpi.validate.source;

import dev.gaday.common.secret.Secrets;
import dev.gaday.kpi.validate.check.CheckContext;
import dev.gaday.kpi.validate.check.CheckFailure;
import dev.gaday.kpi.validate.check.ErrorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A secret named in checks.yaml by environment variable or file, never written there literally. Read when the
 * check runs (a missing one is that check's error) and registered for redaction at once.
 */
public record Secret(String env, Path file) {
    public boolean given() {
        return env != null || file != null;
    }

    /** The value, or null when neither is given. */
    public String read(CheckContext context, String what) {
        String value;
        if (env != null) {
            value = context.env(env);
            if (value == null || value.isBlank()) {
                throw new CheckFailure(ErrorKind.DEFINITION, what + ": environment variable " + env + " is not set");
            }
        } else if (file != null) {
            try {
                value = Files.readString(file).strip();
            } catch (IOException e) {
                throw new CheckFailure(
                        ErrorKind.DEFINITION,
                        what + ": cannot read " + file + ": " + e.getClass().getSimpleName());
            }
        } else {
            return null;
        }
        Secrets.register(value);
        return value;
    }
}
