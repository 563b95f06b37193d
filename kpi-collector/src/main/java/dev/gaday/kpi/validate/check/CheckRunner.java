package dev.gaday.kpi.validate.check;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.secret.Secrets;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs checks one after another; one broken source never stops the others. A failure to reach a source or to
 * get data is an error, never a failed check; a check whose source is not configured is skipped.
 */
public final class CheckRunner {
    private final CheckContext context;
    private final Consumer<CheckResult> onResult;

    public CheckRunner(CheckContext context, Consumer<CheckResult> onResult) {
        this.context = context;
        this.onResult = onResult;
    }

    public List<CheckResult> run(List<Check> checks) {
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            CheckResult result = runOne(check);
            results.add(result);
            onResult.accept(result);
        }
        return results;
    }

    CheckResult runOne(Check check) {
        long started = System.nanoTime();
        Outcome outcome;
        try {
            outcome = check.evaluator().evaluate(check, context);
        } catch (CheckFailure e) {
            outcome = Outcome.error(e.kind(), oneLine(e.getMessage()), e.evidence());
        } catch (PrometheusException e) {
            // Prometheus refusing the PromQL (bad_data) is the check's own fault, not the source's.
            ErrorKind kind = e.exitCode() == ExitCode.USAGE ? ErrorKind.DEFINITION : ErrorKind.SOURCE;
            outcome = Outcome.error(kind, oneLine(e.getMessage()), null);
        } catch (ToolException | KubernetesClientException | UncheckedIOException e) {
            outcome = Outcome.error(ErrorKind.SOURCE, oneLine(e.getMessage()), null);
        } catch (RuntimeException e) {
            outcome = Outcome.error(
                    ErrorKind.SOURCE,
                    "unexpected " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()),
                    null);
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        return new CheckResult(check, redacted(outcome), durationMs);
    }

    private static Outcome redacted(Outcome outcome) {
        return new Outcome(
                outcome.status(),
                outcome.observed(),
                outcome.evidence() == null ? null : Secrets.redact(outcome.evidence()),
                outcome.reason() == null ? null : Secrets.redact(outcome.reason()),
                outcome.errorKind());
    }

    /** The first line of a message, never null. */
    public static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "no message";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
