package dev.gaday.common.cli;

import dev.gaday.common.error.ToolException;
import dev.gaday.common.http.Tls;
import dev.gaday.common.http.TlsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How a tool verifies a TLS server and, for mutual TLS, presents itself: {@code --ca-file},
 * {@code --client-cert}, {@code --client-key}, {@code --insecure-skip-verify}. Shared by the Prometheus
 * connection and ws-health. Use: {@code @Mixin TlsOptions tls;} then {@code tls.settings()} in
 * {@code validate()}: the files are read and checked there, so a bad key is a usage error before any
 * work starts.
 */
public class TlsOptions {
    public static final String INSECURE_OPTION = "--insecure-skip-verify";

    @Option(
            names = "--ca-file",
            paramLabel = "PEM",
            description = "Trust the CA certificate(s) in this PEM file instead of the JVM's default trust store.")
    Path caFile;

    @Option(
            names = "--client-cert",
            paramLabel = "PEM",
            description = "Client certificate (chain) for mutual TLS; needs --client-key.")
    Path clientCert;

    @Option(
            names = "--client-key",
            paramLabel = "PEM",
            description = "Unencrypted PEM private key of --client-cert: PKCS#8 ('PRIVATE KEY'), PKCS#1 RSA "
                    + "('RSA PRIVATE KEY') or SEC1 EC ('EC PRIVATE KEY'), as cert-manager writes them.")
    Path clientKey;

    @Option(
            names = INSECURE_OPTION,
            description = "Do not verify the server's certificate or host name (rehearsals and tests only; warned "
                    + "about).")
    boolean insecureSkipVerify;

    /** The earlier name of --insecure-skip-verify, kept so that existing scripts keep working. */
    @Option(names = "--insecure-skip-tls-verify", hidden = true)
    boolean insecureSkipTlsVerify;

    private TlsSettings settings;

    public boolean insecure() {
        return insecureSkipVerify || insecureSkipTlsVerify;
    }

    /** Whether any TLS option was given (they only matter for https:// and wss:// endpoints). */
    public boolean given() {
        return caFile != null || clientCert != null || clientKey != null || insecure();
    }

    /**
     * The checked settings: one usage line naming the option for a missing or unreadable file, a
     * certificate without its key (or the reverse), an unreadable or encrypted key, or --ca-file with
     * --insecure-skip-verify.
     */
    public TlsSettings settings() {
        if (settings == null) {
            settings = check();
        }
        return settings;
    }

    private TlsSettings check() {
        if ((clientCert == null) != (clientKey == null)) {
            throw ToolException.usage(
                    clientCert == null ? "--client-key needs --client-cert" : "--client-cert needs --client-key");
        }
        if (insecure() && caFile != null) {
            throw ToolException.usage("--ca-file and " + INSECURE_OPTION + " contradict each other");
        }
        checkReadable("--ca-file", caFile);
        checkReadable("--client-cert", clientCert);
        checkReadable("--client-key", clientKey);
        if (caFile != null) {
            Tls.certificates(caFile, "--ca-file");
        }
        if (clientCert != null) {
            Tls.certificates(clientCert, "--client-cert");
            Tls.privateKey(clientKey);
        }
        return new TlsSettings(caFile, clientCert, clientKey, insecure());
    }

    private static void checkReadable(String option, Path file) {
        if (file != null && !Files.isReadable(file)) {
            throw ToolException.usage(
                    option + " " + file + ": " + (Files.exists(file) ? "not readable" : "no such file"));
        }
    }
}
