package dev.gaday.cert.signature;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An OpenSSH public key: its wire blob (what allowed_signers and a signature carry) and the Java key that checks
 * signatures. Ed25519 ({@code ssh-ed25519}), RSA ({@code ssh-rsa}) and ECDSA ({@code ecdsa-sha2-nistp256},
 * {@code -nistp384}, {@code -nistp521}).
 */
public final class SshPublicKey {
    static final String ED25519 = "ssh-ed25519";
    static final String RSA = "ssh-rsa";
    static final String SUPPORTED = "ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521";
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 raw key bytes. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String type;
    private final byte[] blob;
    private final PublicKey key;

    private SshPublicKey(String type, byte[] blob, PublicKey key) {
        this.type = type;
        this.blob = blob;
        this.key = key;
    }

    /** Parses a public key blob; {@code what} names it in errors. */
    public static SshPublicKey fromBlob(byte[] blob, String what) throws SshFormatException {
        SshWire.Reader in = new SshWire.Reader(blob, what);
        String type = in.text();
        switch (type) {
            case ED25519 -> {
                byte[] raw = in.string();
                in.end();
                if (raw.length != 32) {
                    throw new SshFormatException(what + " is malformed (an Ed25519 key of " + raw.length + " bytes)");
                }
                return ed25519(raw);
            }
            case RSA -> {
                BigInteger e = in.mpint();
                BigInteger n = in.mpint();
                in.end();
                return rsa(e, n, what);
            }
            default -> {
                EcdsaCurve curve = EcdsaCurve.ofKeyType(type);
                if (curve == null) {
                    throw unsupported(type, what);
                }
                String curveName = in.text();
                byte[] point = in.string();
                in.end();
                if (!curveName.equals(curve.sshName())) {
                    throw new SshFormatException(
                            what + " is malformed (a " + type + " key on curve " + printable(curveName) + ")");
                }
                return ecdsa(curve, curve.decodePoint(point, what), what);
            }
        }
    }

    static SshPublicKey ecdsa(EcdsaCurve curve, ECPoint point, String what) throws SshFormatException {
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve.parameters()));
            byte[] blob = new SshWire.Writer()
                    .string(curve.keyType())
                    .string(curve.sshName())
                    .string(curve.encodePoint(point))
                    .bytes();
            return new SshPublicKey(curve.keyType(), blob, key);
        } catch (GeneralSecurityException e) {
            // The JDK checks that the point is on the curve.
            throw new SshFormatException(what + ": the ECDSA public key is not a point of its curve");
        }
    }

    /** The curve of an ECDSA key, or null. */
    EcdsaCurve curve() {
        return EcdsaCurve.ofKeyType(type);
    }

    static SshFormatException unsupported(String type, String what) {
        // Only a name that looks like a key type is shown: in a damaged key file these bytes may be key material.
        String shown = type.matches("[a-z0-9][a-z0-9@.+-]{0,63}") ? "'" + type + "'" : "(unrecognised)";
        return new SshFormatException(
                what + " is of an unsupported key type " + shown + " (supported: " + SUPPORTED + ")");
    }

    static SshPublicKey ed25519(byte[] raw) throws SshFormatException {
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            return new SshPublicKey(
                    ED25519, new SshWire.Writer().string(ED25519).string(raw).bytes(), key);
        } catch (GeneralSecurityException e) {
            throw new SshFormatException("the Ed25519 public key is not valid");
        }
    }

    static SshPublicKey rsa(BigInteger e, BigInteger n, String what) throws SshFormatException {
        if (n.signum() <= 0 || e.signum() <= 0) {
            throw new SshFormatException(what + " is malformed (an RSA key with a non-positive number)");
        }
        if (n.bitLength() < 1024) {
            // OpenSSH's own floor: it refuses RSA keys under 1024 bits.
            throw new SshFormatException(what + " is an RSA key of " + n.bitLength() + " bits; at least 1024 needed");
        }
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
            return new SshPublicKey(
                    RSA, new SshWire.Writer().string(RSA).mpint(e).mpint(n).bytes(), key);
        } catch (GeneralSecurityException ex) {
            throw new SshFormatException(what + ": the RSA public key is not valid");
        }
    }

    /** The key type as OpenSSH names it: ssh-ed25519 or ssh-rsa. */
    public String type() {
        return type;
    }

    public byte[] blob() {
        return blob.clone();
    }

    PublicKey javaKey() {
        return key;
    }

    /** {@code SHA256:...} as {@code ssh-keygen -l} prints it. */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "ED25519 key SHA256:..." as ssh-keygen names a key in its messages. */
    public String describe() {
        String kind = type.equals(ED25519) ? "ED25519" : type.equals(RSA) ? "RSA" : "ECDSA";
        return kind + " key " + fingerprint();
    }

    /** The key as one line of an authorized_keys or allowed_signers file: type and base64 blob. */
    public String openSshText() {
        return type + " " + Base64.getEncoder().encodeToString(blob);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshPublicKey that && Arrays.equals(blob, that.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return describe();
    }

    /** A key type or name read from a file, safe to print: at most 40 printable ASCII characters. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
            if (out.length() == 40) {
                return out + "...";
            }
        }
        return out.toString();
    }
}
