package dev.gaday.ws.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gaday.common.http.HttpClients;
import dev.gaday.common.http.TlsSettings;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.StatusMarks;
import dev.gaday.ws.report.MetricsReport;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts a Block Kit summary of a run to a Slack incoming webhook. The webhook URL is a secret:
 * it never appears in a message this class produces.
 */
public final class SlackNotifier {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** Derived from the process's one client; a slow webhook must not hold the verdict for long. */
    private static final OkHttpClient CLIENT =
            HttpClients.derive(TlsSettings.DEFAULT, Duration.ofSeconds(10)).build();

    private final String webhookUrl;

    public SlackNotifier(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    /** Sends the summary; returns null on success, or a one-line reason (without the URL) on failure. */
    public String send(WsHealthMetrics metrics) {
        Request request;
        try {
            request = new Request.Builder()
                    .url(webhookUrl)
                    .post(RequestBody.create(Json.write(payload(metrics)), JSON))
                    .build();
        } catch (IllegalArgumentException e) {
            return "the Slack webhook is not a valid http(s) URL";
        }
        try (Response response = CLIENT.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                return "the Slack webhook answered HTTP " + response.code();
            }
            return null;
        } catch (IOException e) {
            return "the Slack webhook could not be reached (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** The Block Kit message: a header with the verdict, the key figures, the criteria table. */
    public static ObjectNode payload(WsHealthMetrics m) {
        // Slack messages are always UTF-8: the status symbols can be used.
        StatusMarks marks = StatusMarks.UNICODE;
        ObjectNode root = Json.mapper().createObjectNode();
        String verdict = m.compliance().status().name();
        root.put("text", "ws-health " + verdict + ": " + m.endpoint());
        ArrayNode blocks = root.putArray("blocks");

        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text")
                .put("type", "plain_text")
                .put(
                        "text",
                        "WebSocket reconnects: " + marks.mark(m.compliance().status())
                                + (m.wasInterrupted() ? " (interrupted)" : ""));

        ObjectNode summary = blocks.addObject().put("type", "section");
        summary.putObject("text")
                .put("type", "mrkdwn")
                .put(
                        "text",
                        "*Endpoint:* `" + m.endpoint() + "`\n"
                                + ReportFormat.count(m.totalTests()) + " reconnect tests over "
                                + ReportFormat.count(m.connections())
                                + " connection(s), " + ReportFormat.seconds(m.testDurationSeconds(), 1)
                                + (m.wasInterrupted()
                                        ? "\n*Interrupted* after " + ReportFormat.count(m.completedCycles()) + " of "
                                                + (m.plannedCycles() == null
                                                        ? "the planned"
                                                        : ReportFormat.count(m.plannedCycles()))
                                                + " cycles: partial evidence, never a pass"
                                        : ""));
        ArrayNode fields = summary.putArray("fields");
        field(
                fields,
                "Success rate",
                m.successRatePercent() == null
                        ? ReportFormat.NOT_AVAILABLE
                        : ReportFormat.percent(m.successRatePercent(), 2) + " (" + m.successful() + "/" + m.totalTests()
                                + ")");
        field(
                fields,
                "Latency avg / p99",
                ReportFormat.millis(m.latencyMs().avg(), 1) + " / "
                        + ReportFormat.millis(m.latencyMs().p99(), 1));
        field(fields, "Max downtime", ReportFormat.seconds(m.maxDowntimeSeconds(), 3));
        field(fields, "Avg jitter", ReportFormat.millis(m.avgJitterMs(), 1));

        StringBuilder table = new StringBuilder("*Reconnect validation criteria*\n");
        for (CriterionResult r : m.compliance().requirements()) {
            table.append(marks.mark(r.status()))
                    .append(' ')
                    .append(r.name())
                    .append(": ")
                    .append(MetricsReport.measured(r))
                    .append(" (")
                    .append(MetricsReport.threshold(r))
                    .append(r.warningOnly() ? ", warning only" : "")
                    .append(")\n");
        }
        blocks.addObject()
                .put("type", "section")
                .putObject("text")
                .put("type", "mrkdwn")
                .put("text", table.toString());
        blocks.addObject()
                .put("type", "context")
                .putArray("elements")
                .addObject()
                .put("type", "mrkdwn")
                .put("text", "ws-health " + m.toolVersion() + " · finished " + ReportFormat.timestamp(m.finishedAt()));
        return root;
    }

    private static void field(ArrayNode fields, String name, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", "*" + name + "*\n" + value);
    }
}
