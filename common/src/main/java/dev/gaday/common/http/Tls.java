package dev.gaday.common.http;

import dev.gaday.common.error.ToolException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/** Builds the SSL socket factory for {@link TlsSettings} from PEM files, with one-line errors naming the file. */
public final class Tls {
    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final char[] NO_PASSWORD = new char[0];

    private Tls() {}

    /** Sets the TLS of a derived client; the default settings leave the JVM's trust store in place. */
    public static void apply(OkHttpClient.Builder builder, TlsSettings settings) {
        if (settings == null || settings.isDefault()) {
            return;
        }
        try {
            X509TrustManager trustManager = trustManagerFor(settings);
            builder.sslSocketFactory(context(settings, trustManager).getSocketFactory(), trustManager);
            if (settings.insecureSkipVerify()) {
                builder.hostnameVerifier((hostname, session) -> true);
            }
        } catch (GeneralSecurityException e) {
            throw ToolException.usage("cannot set up TLS: " + e.getMessage());
        }
    }

    /**
     * The SSLContext for {@link TlsSettings}, for clients other than OkHttp (e.g. WebSocket probes):
     * the JVM's trust store for the default settings, else the CA file's certificates, the client
     * certificate, or (insecure) no verification. Host name checks are the caller's.
     */
    public static SSLContext sslContext(TlsSettings settings) {
        try {
            if (settings == null || settings.isDefault()) {
                return SSLContext.getDefault();
            }
            return context(settings, trustManagerFor(settings));
        } catch (GeneralSecurityException e) {
            throw ToolException.usage("cannot set up TLS: " + e.getMessage());
        }
    }

    private static X509TrustManager trustManagerFor(TlsSettings settings) throws GeneralSecurityException {
        return settings.insecureSkipVerify() ? new TrustEverything() : trustManager(settings.caFile());
    }

    private static SSLContext context(TlsSettings settings, X509TrustManager trustManager)
            throws GeneralSecurityException {
        KeyManager[] keyManagers = settings.clientCertificate() == null
                ? null
                : keyManagers(settings.clientCertificate(), settings.clientKey());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, new TrustManager[] {trustManager}, null);
        return context;
    }

    private static X509TrustManager trustManager(Path caFile) throws GeneralSecurityException {
        KeyStore trustStore = null;
        if (caFile != null) {
            List<X509Certificate> cas = certificates(caFile, "--ca-file");
            trustStore = emptyKeyStore();
            for (int i = 0; i < cas.size(); i++) {
                trustStore.setCertificateEntry("ca-" + i, cas.get(i));
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager available");
    }

    private static KeyManager[] keyManagers(Path certificateFile, Path keyFile) throws GeneralSecurityException {
        List<X509Certificate> chain = certificates(certificateFile, "--client-cert");
        PrivateKey key = privateKey(keyFile);
        KeyStore keyStore = emptyKeyStore();
        keyStore.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keyStore, NO_PASSWORD);
        return factory.getKeyManagers();
    }

    /** The X.509 certificates of a PEM file. */
    public static List<X509Certificate> certificates(Path file, String option) {
        byte[] bytes = read(file, option);
        try {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
            List<X509Certificate> result = new ArrayList<>();
            for (Certificate certificate : certificates) {
                result.add((X509Certificate) certificate);
            }
            if (result.isEmpty()) {
                throw ToolException.usage(option + " " + file + ": no PEM certificate in the file");
            }
            return result;
        } catch (CertificateException e) {
            throw ToolException.usage(option + " " + file + ": not a PEM certificate file (" + e.getMessage() + ")");
        }
    }

    /**
     * An unencrypted PEM private key, RSA or EC, in the forms cert-manager and openssl write:
     * PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}) or SEC1 EC
     * ({@code EC PRIVATE KEY}, an {@code EC PARAMETERS} block before it is skipped). An encrypted key
     * is one usage line: the tools have nowhere to take a passphrase from.
     */
    public static PrivateKey privateKey(Path file) {
        String option = "--client-key";
        String pem = new String(read(file, option), StandardCharsets.US_ASCII);
        Matcher matcher = PEM_BLOCK.matcher(pem);
        String found = null;
        while (matcher.find()) {
            String type = matcher.group(1);
            String body = matcher.group(2);
            switch (type) {
                case "ENCRYPTED PRIVATE KEY" -> throw encrypted(file);
                case "PRIVATE KEY" -> {
                    return pkcs8(file, der(file, body), "PKCS#8");
                }
                case "RSA PRIVATE KEY" -> {
                    if (body.contains("Proc-Type:") || body.contains("DEK-Info:")) {
                        throw encrypted(file);
                    }
                    return pkcs8(file, Der.rsaPkcs1ToPkcs8(der(file, body)), "PKCS#1 RSA");
                }
                case "EC PRIVATE KEY" -> {
                    if (body.contains("Proc-Type:") || body.contains("DEK-Info:")) {
                        throw encrypted(file);
                    }
                    byte[] pkcs8;
                    try {
                        pkcs8 = Der.ecSec1ToPkcs8(der(file, body));
                    } catch (IllegalArgumentException e) {
                        throw ToolException.usage(
                                option + " " + file + ": not a readable SEC1 EC private key (" + e.getMessage() + ")");
                    }
                    return pkcs8(file, pkcs8, "SEC1 EC");
                }
                default -> found = found == null ? type : found;
            }
        }
        throw ToolException.usage(option + " " + file + ": no private key PEM block in the file"
                + (found == null
                        ? ""
                        : " (found '" + found + "'; expected PRIVATE KEY, RSA PRIVATE KEY or " + "EC PRIVATE KEY)"));
    }

    private static ToolException encrypted(Path file) {
        return ToolException.usage("--client-key " + file + ": the key is encrypted (passphrase-protected); give "
                + "an unencrypted key, e.g. from: openssl pkey -in KEY -out KEY.plain.pem");
    }

    private static byte[] der(Path file, String body) {
        try {
            return Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw ToolException.usage("--client-key " + file + ": bad base64 in the PEM block");
        }
    }

    private static PrivateKey pkcs8(Path file, byte[] der, String form) {
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException | RuntimeException e) {
                // try the next algorithm
            }
        }
        throw ToolException.usage("--client-key " + file + ": not a readable private key (" + form
                + " form; RSA and EC keys are supported)");
    }

    private static byte[] read(Path file, String option) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ToolException.usage(option + " " + file + ": no such file");
        } catch (IOException e) {
            throw ToolException.usage(option + " " + file + ": cannot read: " + e.getMessage());
        }
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            keyStore.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return keyStore;
    }

    /** --insecure-skip-verify: accepts every certificate. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
