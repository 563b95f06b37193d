package dev.gaday.kpi.validate.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.json.Json;
import dev.gaday.common.verdict.Comparator;
import dev.gaday.kpi.validate.check.Check;
import dev.gaday.kpi.validate.check.CheckFailure;
import dev.gaday.kpi.validate.check.ErrorKind;
import dev.gaday.kpi.validate.check.Outcome;
import dev.gaday.kpi.validate.check.Severity;
import dev.gaday.kpi.validate.source.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads checks.yaml: the GA set's settings ({@code ga:}) and the user's own checks ({@code checks:}). A broken
 * check becomes an error case of its own (the others still run); a file that cannot be read at all becomes one
 * error case named after the file, and the GA set runs with its defaults.
 */
public final class ChecksFile {
    public static final String CONFIGURATION_CATEGORY = "configuration";
    private static final Set<String> COMMON_KEYS = Set.of("name", "kind", "category", "severity", "description");
    private static final Map<String, Set<String>> KIND_KEYS = Map.of(
            "promql", Set.of("query", "comparator", "threshold", "unit", "over", "step"),
            "http",
                    Set.of(
                            "url",
                            "urls",
                            "requests",
                            "quantile",
                            "threshold",
                            "comparator",
                            "header",
                            "headerEnv",
                            "headerFile",
                            "timeout"),
            "sql", Set.of("database", "sql", "runs", "threshold", "comparator"),
            "kubernetes", Set.of("deployments"),
            "json", Set.of("file", "path", "comparator", "threshold", "equals", "unit"));

    /** The settings and checks read; {@code checks} includes the error cases of broken definitions. */
    public record Contents(GaSettings ga, List<Check> checks) {}

    private ChecksFile() {}

    public static Contents read(Path file) {
        JsonNode root;
        try {
            root = Json.yaml().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            return broken(file, Json.describe(file, e));
        } catch (IOException e) {
            return broken(file, file + ": cannot read: " + e.getClass().getSimpleName());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Contents(GaSettings.defaults(), List.of());
        }
        if (!root.isObject()) {
            return broken(file, file + ": expected a mapping with 'ga' and/or 'checks'");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("ga") && !name.equals("checks")) {
                return broken(file, file + ": unknown key '" + name + "' (expected 'ga' and/or 'checks')");
            }
        }
        GaSettings ga;
        try {
            ga = ga(root.path("ga"), file.getParent());
        } catch (IllegalArgumentException e) {
            return broken(file, file + ": ga: " + e.getMessage());
        }
        List<Check> checks = new ArrayList<>();
        JsonNode list = root.path("checks");
        if (!list.isMissingNode() && !list.isArray()) {
            checks.add(definitionError(file.getFileName().toString(), file + ": 'checks' must be a list"));
        }
        Set<String> seen = new java.util.HashSet<>();
        int index = 0;
        for (JsonNode node : list) {
            index++;
            String name = node.path("name").asText("");
            String label = name.isBlank() ? "checks[" + index + "]" : name;
            if (!name.isBlank() && !seen.add(name)) {
                checks.add(definitionError(
                        label + "#" + index, file + ": checks[" + index + "]: duplicate name '" + name + "'"));
                continue;
            }
            try {
                checks.add(check(node, file.getParent()));
            } catch (IllegalArgumentException e) {
                checks.add(definitionError(label, file + ": checks[" + index + "] (" + label + "): " + e.getMessage()));
            }
        }
        return new Contents(ga, checks);
    }

    private static Contents broken(Path file, String message) {
        return new Contents(
                GaSettings.defaults(),
                List.of(definitionError(file.getFileName().toString(), message)));
    }

    /** A case that reports a broken definition as an error when it runs. */
    public static Check definitionError(String name, String message) {
        return new Check(
                name,
                CONFIGURATION_CATEGORY,
                Severity.CRITICAL,
                "definition",
                "a check that could not " + "be read",
                null,
                null,
                null,
                (c, ctx) -> {
                    throw new CheckFailure(ErrorKind.DEFINITION, message);
                });
    }

    static GaSettings ga(JsonNode ga, Path base) {
        GaSettings defaults = GaSettings.defaults();
        if (ga.isMissingNode() || ga.isNull()) {
            return defaults;
        }
        requireObject(ga, "ga");
        allowOnly(
                ga,
                "ga",
                Set.of(
                        "thresholds",
                        "severities",
                        "memoryLeakBytesPerHour",
                        "maxErrorRatePercent",
                        "restartWindow",
                        "canaryMatchers",
                        "dashboard",
                        "database",
                        "deployments"));
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : fields(ga.path("thresholds"), "thresholds")) {
            requireGaName(entry.getKey());
            thresholds.put(entry.getKey(), number(entry.getValue(), "thresholds." + entry.getKey()));
        }
        Map<String, Severity> severities = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : fields(ga.path("severities"), "severities")) {
            requireGaName(entry.getKey());
            severities.put(entry.getKey(), Severity.parse(entry.getValue().asText()));
        }
        double leak = ga.has("memoryLeakBytesPerHour")
                ? number(ga.get("memoryLeakBytesPerHour"), "memoryLeakBytesPerHour")
                : defaults.leakBytesPerHour();
        double maxErrors = ga.has("maxErrorRatePercent")
                ? number(ga.get("maxErrorRatePercent"), "maxErrorRatePercent")
                : defaults.maxErrorRatePercent();
        Duration restartWindow =
                ga.has("restartWindow") ? duration(ga.get("restartWindow"), "restartWindow") : defaults.restartWindow();
        String canary = ga.has("canaryMatchers") ? text(ga.get("canaryMatchers"), "canaryMatchers") : null;
        GaSettings.Dashboard dashboard = ga.has("dashboard") ? dashboard(ga.get("dashboard"), "dashboard", base) : null;
        GaSettings.Database database = null;
        if (ga.has("database")) {
            JsonNode db = ga.get("database");
            requireObject(db, "database");
            List<GaSettings.NamedQuery> queries = new ArrayList<>();
            int i = 0;
            for (JsonNode query : db.path("queries")) {
                i++;
                queries.add(new GaSettings.NamedQuery(
                        query.path("name").asText("query-" + i),
                        text(query.path("sql"), "database.queries[" + i + "].sql")));
            }
            if (queries.isEmpty()) {
                throw new IllegalArgumentException("database.queries: give at least one {name, sql}");
            }
            database = database(db, "database", base, queries, Set.of("queries", "runs"));
        }
        List<String> deployments = new ArrayList<>();
        for (JsonNode deployment : ga.path("deployments")) {
            deployments.add(deployment.asText());
        }
        return new GaSettings(
                thresholds, severities, leak, maxErrors, restartWindow, canary, dashboard, database, deployments);
    }

    static Check check(JsonNode node, Path base) {
        requireObject(node, "check");
        String name = text(node.path("name"), "name");
        String kind = text(node.path("kind"), "kind");
        Set<String> kindKeys = KIND_KEYS.get(kind);
        if (kindKeys == null) {
            throw new IllegalArgumentException(
                    "unknown kind '" + kind + "' (use promql, http, sql, kubernetes or " + "json)");
        }
        Set<String> allowed = new java.util.HashSet<>(COMMON_KEYS);
        allowed.addAll(kindKeys);
        allowOnly(node, "check", allowed);
        String category = node.path("category").asText("custom");
        Severity severity =
                node.has("severity") ? Severity.parse(node.get("severity").asText()) : Severity.CRITICAL;
        String description = node.path("description").asText("");
        return switch (kind) {
            case "promql" -> CustomChecks.promql(
                    name,
                    category,
                    severity,
                    description,
                    text(node.path("query"), "query"),
                    comparator(node, null),
                    number(node.path("threshold"), "threshold"),
                    node.path("unit").asText(null),
                    over(node),
                    node.has("step") ? duration(node.get("step"), "step") : Duration.ofMinutes(1));
            case "http" -> {
                GaSettings.Dashboard http = dashboard(node, "http check", base);
                yield new Check(
                        name,
                        category,
                        severity,
                        kind,
                        description,
                        comparator(node, Comparator.LESS),
                        number(node.path("threshold"), "threshold (seconds)"),
                        "s",
                        (c, ctx) -> SourceChecks.http(c, ctx, http));
            }
            case "sql" -> {
                List<GaSettings.NamedQuery> query =
                        List.of(new GaSettings.NamedQuery(name, text(node.path("sql"), "sql")));
                JsonNode db = node.path("database");
                requireObject(db, "database");
                GaSettings.Database database = database(db, "database", base, query, Set.of());
                GaSettings.Database timed = new GaSettings.Database(
                        database.url(),
                        database.urlSecret(),
                        database.user(),
                        database.password(),
                        query,
                        node.has("runs") ? (int) number(node.get("runs"), "runs") : database.runs());
                yield new Check(
                        name,
                        category,
                        severity,
                        kind,
                        description,
                        comparator(node, Comparator.LESS),
                        number(node.path("threshold"), "threshold (ms)"),
                        "ms",
                        (c, ctx) -> SourceChecks.sql(c, ctx, timed));
            }
            case "kubernetes" -> {
                List<String> deployments = new ArrayList<>();
                for (JsonNode deployment : node.path("deployments")) {
                    deployments.add(deployment.asText());
                }
                yield new Check(
                        name,
                        category,
                        severity,
                        kind,
                        description,
                        Comparator.GREATER_OR_EQUAL,
                        100.0,
                        "%",
                        (c, ctx) -> ctx.kubernetes() == null
                                ? Outcome.skipped("no cluster configured (--kubeconfig, $KUBECONFIG or in-cluster)")
                                : SourceChecks.rolloutFromCluster(c, ctx, deployments));
            }
            case "json" -> CustomChecks.jsonPath(
                    name,
                    category,
                    severity,
                    description,
                    text(node.path("file"), "file"),
                    text(node.path("path"), "path"),
                    node.has("equals") ? null : comparator(node, null),
                    node.has("equals") ? null : number(node.path("threshold"), "threshold"),
                    node.has("equals") ? node.get("equals").asText() : null,
                    node.path("unit").asText(null));
            default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
        };
    }

    private static boolean over(JsonNode node) {
        String over = node.path("over").asText("instant");
        return switch (over) {
            case "instant" -> false;
            case "window" -> true;
            default -> throw new IllegalArgumentException("over: '" + over + "' (use instant or window)");
        };
    }

    private static GaSettings.Dashboard dashboard(JsonNode node, String where, Path base) {
        requireObject(node, where);
        List<String> urls = new ArrayList<>();
        if (node.has("url")) {
            urls.add(text(node.get("url"), "url"));
        }
        for (JsonNode url : node.path("urls")) {
            urls.add(url.asText());
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(where + ": give url or urls");
        }
        int requests = node.has("requests") ? (int) number(node.get("requests"), "requests") : 20;
        if (requests < 1 || requests > 10_000) {
            throw new IllegalArgumentException("requests must be 1 to 10000, got " + requests);
        }
        double quantile = node.has("quantile") ? number(node.get("quantile"), "quantile") : 0.95;
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1], got " + quantile);
        }
        Duration timeout = node.has("timeout") ? duration(node.get("timeout"), "timeout") : Duration.ofSeconds(30);
        Secret header = secret(node, "header", base);
        return new GaSettings.Dashboard(
                urls,
                requests,
                quantile,
                node.path("header").asText("Authorization"),
                header.given() ? header : null,
                timeout);
    }

    private static GaSettings.Database database(
            JsonNode db, String where, Path base, List<GaSettings.NamedQuery> queries, Set<String> extraKeys) {
        Set<String> allowed =
                new java.util.HashSet<>(Set.of("url", "urlEnv", "urlFile", "user", "passwordEnv", "passwordFile"));
        allowed.addAll(extraKeys);
        allowOnly(db, where, allowed);
        Secret urlSecret = secret(db, "url", base);
        String url = db.has("url") ? text(db.get("url"), "url") : null;
        if ((url == null) == !urlSecret.given()) {
            throw new IllegalArgumentException(where + ": give exactly one of url, urlEnv, urlFile");
        }
        if (url != null && url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            throw new IllegalArgumentException(
                    where + ".url must not carry a password: use passwordEnv or " + "passwordFile (or urlEnv/urlFile)");
        }
        int runs = db.has("runs") ? (int) number(db.get("runs"), "runs") : 5;
        if (runs < 1 || runs > 1000) {
            throw new IllegalArgumentException("runs must be 1 to 1000, got " + runs);
        }
        Secret password = secret(db, "password", base);
        return new GaSettings.Database(
                url,
                urlSecret.given() ? urlSecret : null,
                db.path("user").asText(null),
                password.given() ? password : null,
                queries,
                runs);
    }

    private static Secret secret(JsonNode node, String prefix, Path base) {
        String env = node.has(prefix + "Env") ? text(node.get(prefix + "Env"), prefix + "Env") : null;
        Path file = node.has(prefix + "File") ? resolve(base, text(node.get(prefix + "File"), prefix + "File")) : null;
        if (env != null && file != null) {
            throw new IllegalArgumentException("give " + prefix + "Env or " + prefix + "File, not both");
        }
        return new Secret(env, file);
    }

    private static Path resolve(Path base, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || base == null ? p : base.resolve(p);
    }

    private static Comparator comparator(JsonNode node, Comparator fallback) {
        if (!node.has("comparator")) {
            if (fallback == null) {
                throw new IllegalArgumentException("comparator is required (>=, >, <=, <)");
            }
            return fallback;
        }
        return Comparator.parse(node.get("comparator").asText());
    }

    private static void requireGaName(String name) {
        if (!List.of(
                        GaChecks.DRIFT,
                        GaChecks.CANARY,
                        GaChecks.SLO,
                        GaChecks.WEBSOCKET,
                        GaChecks.DASHBOARD,
                        GaChecks.DATABASE,
                        GaChecks.MEMORY,
                        GaChecks.ALERTS,
                        GaChecks.ROLLOUT,
                        GaChecks.RESTARTS,
                        GaChecks.SCRAPE)
                .contains(name)) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not a GA check (see kpi-collector validate --list " + "--ga-mode)");
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        requireObject(node, where);
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        node.fields().forEachRemaining(entries::add);
        return entries;
    }

    private static void allowOnly(JsonNode node, String where, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown key '" + name + "' in " + where + " (allowed: "
                        + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    private static void requireObject(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a mapping");
        }
    }

    private static String text(JsonNode node, String what) {
        if (node == null
                || !node.isValueNode()
                || node.isNull()
                || node.asText().isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return node.asText();
    }

    private static double number(JsonNode node, String what) {
        if (node == null || !node.isNumber()) {
            throw new IllegalArgumentException(what + " must be a number");
        }
        return node.asDouble();
    }

    private static Duration duration(JsonNode node, String what) {
        try {
            return DurationConverter.parse(node.asText());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
    }
}
