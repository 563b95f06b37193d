package dev.gaday.ws.probe;

import dev.gaday.common.error.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The TLS trust a wss:// probe uses: the system's, a CA file's, or (on explicit request) none. */
public final class TlsContexts {
    private TlsContexts() {
    }

    public static SSLContext systemTrust() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw ToolException.badInput("cannot initialise TLS: " + e.getMessage(), e);
        }
    }

    /** Trusts exactly the PEM (or DER) certificates in {@code caFile}, instead of the system store. */
    public static SSLContext trusting(Path caFile) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw ToolException.usage("--ca-file " + caFile + ": no such file");
        } catch (IOException | GeneralSecurityException e) {
            throw ToolException.usage("--ca-file " + caFile + ": not a PEM or DER certificate file (" + e.getMessage() + ")");
        }
        if (certificates.isEmpty()) {
            throw ToolException.usage("--ca-file " + caFile + ": contains no certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw ToolException.badInput("cannot initialise TLS with --ca-file " + caFile + ": " + e.getMessage(), e);
        }
    }

    /** Accepts any certificate: for --insecure-skip-tls-verify only. */
    public static SSLContext trustingAnything() {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // the probe is the client; never asked
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // deliberately no check: the user asked for it with --insecure-skip-tls-verify
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw ToolException.badInput("cannot initialise TLS: " + e.getMessage(), e);
        }
    }
}
