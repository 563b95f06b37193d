package dev.gaday.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.prometheus.PrometheusEndpoint;
import dev.gaday.common.prometheus.PrometheusEndpoint.Auth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusConnectionMixinTest {
    @TempDir
    Path dir;

    private static CommandRun run(Map<String, String> env, String... args) {
        return CommandRun.of(new ProbeCommand(env), args);
    }

    private static ProbeCommand parsed(Map<String, String> env, String... args) {
        ProbeCommand command = new ProbeCommand(env);
        CommandRun run = CommandRun.of(command, args);
        assertEquals(0, run.exitCode(), run.err());
        return command;
    }

    /** Exit 2 and exactly one stderr line, which is returned. */
    private static String usageError(Map<String, String> env, String... args) {
        CommandRun run = run(env, args);
        assertEquals(ExitCode.USAGE.code(), run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        return run.errLines().get(0);
    }

    @Test
    void everyOptionIsParsedIntoTheEndpoint() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "tok-123456\n");
        ProbeCommand command = parsed(
                Map.of(),
                "--prometheus-url",
                "https://mimir.example/prometheus/",
                "--bearer-token-file",
                token.toString(),
                "--header",
                "X-Scope-OrgID: tenant-1",
                "--header",
                "X-Extra:two words ",
                "--query-timeout",
                "1m30s",
                "--max-retries",
                "2",
                "--retry-budget",
                "5m");

        PrometheusEndpoint endpoint = command.endpoint;
        assertEquals("https://mimir.example/prometheus", endpoint.baseUrl());
        assertEquals(
                "tok-123456",
                assertInstanceOf(Auth.Bearer.class, endpoint.auth()).token());
        assertEquals(Map.of("X-Scope-OrgID", "tenant-1", "X-Extra", "two words"), endpoint.headers());
        assertEquals(
                List.of("X-Scope-OrgID", "X-Extra"),
                List.copyOf(endpoint.headers().keySet()));
        assertEquals(Duration.ofSeconds(90), endpoint.requestTimeout());
        assertEquals(3, endpoint.retryPolicy().maxAttempts());
        assertEquals(Duration.ofMinutes(5), endpoint.retryPolicy().budget());
        assertTrue(endpoint.tls().isDefault());
    }

    @Test
    void defaultsAndTheUrlFromTheEnvironment() {
        ProbeCommand command = parsed(Map.of("PROMETHEUS_URL", "http://prom:9090"));
        assertEquals("http://prom:9090", command.endpoint.baseUrl());
        assertInstanceOf(Auth.None.class, command.endpoint.auth());
        assertEquals(Duration.ofSeconds(30), command.endpoint.requestTimeout());
        assertEquals(5, command.endpoint.retryPolicy().maxAttempts());
        assertEquals(Duration.ofMinutes(2), command.endpoint.retryPolicy().budget());
        // the option wins over the environment
        assertEquals(
                "http://other:9090",
                parsed(Map.of("PROMETHEUS_URL", "http://prom:9090"), "--prometheus-url", "http://other:9090")
                        .endpoint
                        .baseUrl());
    }

    @Test
    void basicAuthFromAnEnvironmentVariable() {
        ProbeCommand command = parsed(
                Map.of("PROM_PASS", "s3cr3t-pw"),
                "--prometheus-url",
                "http://prom:9090",
                "--basic-auth-user",
                "alice",
                "--basic-auth-password-env",
                "PROM_PASS");
        Auth.Basic basic = assertInstanceOf(Auth.Basic.class, command.endpoint.auth());
        assertEquals("alice", basic.user());
        assertEquals("s3cr3t-pw", basic.password());
    }

    @Test
    void missingUrlIsOneUsageLine() {
        assertEquals("probe: error: missing --prometheus-url URL (or set PROMETHEUS_URL)", usageError(Map.of()));
    }

    @Test
    void urlMustBeHttpWithoutCredentials() {
        assertEquals(
                "probe: error: --prometheus-url 'ftp://prom': must be an http:// or https:// URL",
                usageError(Map.of(), "--prometheus-url", "ftp://prom"));
        assertEquals(
                "probe: error: PROMETHEUS_URL 'prom:9090': must be an http:// or https:// URL",
                usageError(Map.of("PROMETHEUS_URL", "prom:9090")));
        String line = usageError(Map.of(), "--prometheus-url", "http://bob:hunter22@prom:9090");
        assertTrue(line.contains("must not contain credentials") && !line.contains("hunter22"), line);
    }

    @Test
    void aQueryOrFragmentIsRefusedWithoutShowingIt() {
        assertEquals(
                "probe: error: --prometheus-url 'http://prom:9090/?…': must not have a query or fragment",
                usageError(Map.of(), "--prometheus-url", "http://prom:9090/?token=s3cr3tq&x=1"));
        assertEquals(
                "probe: error: PROMETHEUS_URL 'http://prom:9090/#…': must not have a query or fragment",
                usageError(Map.of("PROMETHEUS_URL", "http://prom:9090/#s3cr3tq?a=b")));
        // Not even a URL that does not parse shows its query.
        String unparsable = usageError(Map.of(), "--prometheus-url", "http://prom:9090/a b?token=s3cr3tq");
        assertTrue(unparsable.startsWith("probe: error: --prometheus-url 'http://prom:9090/a b?…': "), unparsable);
    }

    @Test
    void headerMustBeNameColonValueAndIsNamedByPositionNeverByValue() {
        String noColon = usageError(
                Map.of(),
                "--prometheus-url",
                "http://p",
                "--header",
                "X-Scope-OrgID: tenant-1",
                "--header",
                "Authorization Bearer typo-token-4711");
        assertEquals(
                "probe: error: --header #2 must have the form 'Name: value' (a token name, a colon, a non-empty "
                        + "value); the text given is not shown, it may hold a secret",
                noColon);
        String badName = usageError(Map.of(), "--prometheus-url", "http://p", "--header", "Bad Name: v4lue-secret");
        assertTrue(badName.startsWith("probe: error: --header #1 must have the form 'Name: value'"), badName);
        assertFalse(badName.contains("Bad Name") || badName.contains("v4lue-secret"), badName);
        assertEquals(
                "probe: error: --header #1 'X-Empty' has an empty value; the form is 'Name: value'",
                usageError(Map.of(), "--prometheus-url", "http://p", "--header", "X-Empty:"));
        assertEquals(
                "probe: error: --header #1 'X-Scope-OrgID': the value must be printable ASCII",
                usageError(Map.of(), "--prometheus-url", "http://p", "--header", "X-Scope-OrgID: t\u00e9nant"));
        String authorization = usageError(
                Map.of(), "--prometheus-url", "http://p", "--header", "authorization: Bearer literal-token-xyz");
        assertTrue(
                authorization.contains("--header #1: an Authorization header is not taken from the command line"),
                authorization);
        assertTrue(authorization.endsWith("use --bearer-token-file FILE or --bearer-token-env VAR"), authorization);
        assertFalse(authorization.contains("literal-token-xyz"), authorization);
    }

    @Test
    void missingOrEmptyTokenSources() throws IOException {
        Path missing = dir.resolve("no-such-token");
        assertEquals(
                "probe: error: --bearer-token-file " + missing + ": no such file",
                usageError(Map.of(), "--prometheus-url", "http://p", "--bearer-token-file", missing.toString()));
        assertEquals(
                "probe: error: --bearer-token-file " + dir + ": is a directory, not a file",
                usageError(Map.of(), "--prometheus-url", "http://p", "--bearer-token-file", dir.toString()));
        Path latin1 = Files.write(dir.resolve("latin1"), new byte[] {'t', (byte) 0xe9, 'k'});
        assertEquals(
                "probe: error: --bearer-token-file " + latin1 + ": not UTF-8 text",
                usageError(Map.of(), "--prometheus-url", "http://p", "--bearer-token-file", latin1.toString()));
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertEquals(
                "probe: error: --bearer-token-file " + empty + ": the file is empty",
                usageError(Map.of(), "--prometheus-url", "http://p", "--bearer-token-file", empty.toString()));
        assertEquals(
                "probe: error: --bearer-token-env PROM_TOKEN: environment variable PROM_TOKEN is not set " + "or empty",
                usageError(Map.of(), "--prometheus-url", "http://p", "--bearer-token-env", "PROM_TOKEN"));
        assertEquals(
                "probe: error: --basic-auth-user needs exactly one of --basic-auth-password-file FILE or "
                        + "--basic-auth-password-env VAR",
                usageError(Map.of(), "--prometheus-url", "http://p", "--basic-auth-user", "alice"));
        assertEquals(
                "probe: error: choose one authentication: a bearer token or basic auth, not both",
                usageError(
                        Map.of("T", "tok-abcdef", "P", "pw-abcdef"),
                        "--prometheus-url",
                        "http://p",
                        "--bearer-token-env",
                        "T",
                        "--basic-auth-user",
                        "a",
                        "--basic-auth-password-env",
                        "P"));
    }

    @Test
    void tlsFilesAreChecked() {
        Path missing = dir.resolve("ca.pem");
        assertEquals(
                "probe: error: --ca-file " + missing + ": no such file",
                usageError(Map.of(), "--prometheus-url", "https://p", "--ca-file", missing.toString()));
        assertEquals(
                "probe: error: --client-cert needs --client-key",
                usageError(Map.of(), "--prometheus-url", "https://p", "--client-cert", missing.toString()));
    }

    @Test
    void badOptionValuesAreOneLine() {
        String timeout = usageError(Map.of(), "--prometheus-url", "http://p", "--query-timeout", "soon");
        assertTrue(timeout.contains("'soon' is not a duration"), timeout);
        String retries = usageError(Map.of(), "--prometheus-url", "http://p", "--max-retries", "-1");
        assertTrue(retries.contains("--max-retries must be 0 or more"), retries);
    }

    @Test
    void insecureSkipVerifyIsWarnedAboutUnderEitherName() {
        for (String option : List.of("--insecure-skip-verify", "--insecure-skip-tls-verify")) {
            CommandRun run = run(Map.of(), "--prometheus-url", "https://p", option);
            assertEquals(0, run.exitCode());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.errLines().get(0).startsWith("probe: warning: --insecure-skip-verify is on"), run.err());
        }
        assertEquals(
                "probe: error: --ca-file and --insecure-skip-verify contradict each other",
                usageError(Map.of(), "--prometheus-url", "https://p", "--insecure-skip-verify", "--ca-file", "x.pem"));
        assertEquals("", run(Map.of(), "--prometheus-url", "https://p").err(), "no warning by default");
    }

    @Test
    void helpListsEveryOption() {
        CommandRun run = run(Map.of(), "--help");
        for (String option : List.of(
                "--prometheus-url",
                "--bearer-token-file",
                "--bearer-token-env",
                "--basic-auth-user",
                "--basic-auth-password-file",
                "--basic-auth-password-env",
                "--header",
                "--ca-file",
                "--client-cert",
                "--client-key",
                "--insecure-skip-verify",
                "--query-timeout",
                "--max-retries",
                "--retry-budget")) {
            assertTrue(run.out().contains(option), option);
        }
        assertFalse(run.out().contains("--insecure-skip-tls-verify"), "the old name is a hidden alias");
    }
}
