package dev.gaday.common.http;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Why a TLS handshake failed, in words a user can act on: the one place where handshake errors are
 * mapped, for the Prometheus connection and ws-health alike. The JDK reports all of them as an
 * SSLHandshakeException whose cause chain (a CertificateExpiredException, a "PKIX path building
 * failed", a "No subject alternative names matching ...") holds the real reason.
 */
public final class TlsFailures {
    /** What went wrong with the server's certificate, or with ours. */
    public enum Cause {
        /** Not signed by a CA in the trust store (self-signed, private CA without --ca-file). */
        UNTRUSTED("certificate untrusted"),
        /** Past its notAfter date. */
        EXPIRED("certificate expired"),
        /** Before its notBefore date (often a clock that is off). */
        NOT_YET_VALID("certificate not yet valid"),
        /** Valid, but for other host names than the one connected to. */
        WRONG_HOST("certificate for another host name"),
        /** The server refused our client certificate, or wanted one and got none. */
        CLIENT_CERTIFICATE_REJECTED("client certificate rejected"),
        /** Anything else: protocol versions, cipher suites, a broken connection during the handshake. */
        OTHER("handshake failed");

        private final String words;

        Cause(String words) {
            this.words = words;
        }

        /** A few words for a report's failure counts: "certificate expired". */
        public String words() {
            return words;
        }
    }

    private TlsFailures() {}

    /** The cause found in {@code failure}'s chain. */
    public static Cause classify(Throwable failure) {
        boolean pathBuilding = false;
        boolean wrongHost = false;
        boolean alert = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return Cause.EXPIRED;
            }
            if (t instanceof CertificateNotYetValidException) {
                return Cause.NOT_YET_VALID;
            }
            if (t instanceof CertPathValidatorException validator
                    && validator.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return Cause.EXPIRED;
            }
            if (t instanceof CertPathValidatorException validator
                    && validator.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                return Cause.NOT_YET_VALID;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no subject alternative")
                    || message.contains("no name matching")
                    || (t instanceof SSLPeerUnverifiedException && message.contains("not verified"))) {
                wrongHost = true;
            }
            if (message.contains("pkix path building failed")
                    || message.contains("unable to find valid certification")
                    || t.getClass().getSimpleName().equals("SunCertPathBuilderException")) {
                pathBuilding = true;
            }
            if (message.contains("bad_certificate")
                    || message.contains("certificate_required")
                    || message.contains("unknown_ca")
                    || message.contains("certificate_unknown")) {
                alert = true;
            }
        }
        if (wrongHost) {
            return Cause.WRONG_HOST;
        }
        if (pathBuilding) {
            return Cause.UNTRUSTED;
        }
        if (alert) {
            return Cause.CLIENT_CERTIFICATE_REJECTED;
        }
        return Cause.OTHER;
    }

    /** One line for a user: what is wrong and what to do about it. {@code host} is the host connected to. */
    public static String describe(Throwable failure, String host) {
        return switch (classify(failure)) {
            case UNTRUSTED -> "the server's certificate is untrusted: it is not signed by a CA in the trust store; "
                    + "give the CA with --ca-file PEM (or, for tests only, --insecure-skip-verify)";
            case EXPIRED -> "the server's certificate has expired" + validity(failure);
            case NOT_YET_VALID -> "the server's certificate is not valid yet" + validity(failure)
                    + "; check this machine's clock";
            case WRONG_HOST -> "the server's certificate is for another host name, not " + host
                    + "; connect by a name the certificate lists";
            case CLIENT_CERTIFICATE_REJECTED -> "the server rejected the client certificate (or required one); "
                    + "check --client-cert and --client-key";
            case OTHER -> "TLS handshake failed: " + rootMessage(failure);
        };
    }

    /** The date the JDK names ("NotAfter: ..."), when it names one. */
    private static String validity(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                String message = t.getMessage();
                return message == null || message.isBlank() ? "" : " (" + message.strip() + ")";
            }
        }
        return "";
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : failure.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.replace('\n', ' ');
    }
}
