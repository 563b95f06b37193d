package dev.gaday.cert.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The certification package's detached signature: {@code <tarball>.sig}, SSHSIG format, namespace
 * {@value SshSignature#NAMESPACE}, so that {@code ssh-keygen -Y verify} checks it as well as {@code cert-package
 * verify --allowed-signers}.
 */
public final class PackageSignature {
    public static final String SUFFIX = ".sig";
    private static final int MAX_TEXT_BYTES = 1024 * 1024;

    private PackageSignature() {}

    /**
     * The outcome of a check.
     *
     * @param problem null when the signature is good; else one line saying why not
     * @param principals the principals of the allowed_signers line that holds the signer's key (when good)
     * @param signer the signer's key, "ED25519 key SHA256:..." (when the signature could be read)
     * @param ignored notes on allowed_signers lines that were ignored
     */
    public record Verification(String problem, String principals, String signer, List<String> ignored) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Writes {@code signatureFile}: the signature of {@code archive}'s bytes. */
    public static void sign(SigningKey key, Path archive, Path signatureFile) throws IOException {
        Files.writeString(
                signatureFile, SshSignature.sign(key, SshSignature.NAMESPACE, archive), StandardCharsets.US_ASCII);
    }

    /**
     * Reads the allowed_signers file; a missing, unreadable or malformed file is an {@link SshFormatException}
     * naming it (and the line).
     */
    public static AllowedSigners allowedSigners(Path file, ZoneId zone) throws SshFormatException {
        return AllowedSigners.parse(readText(file, "allowed_signers file"), file.toString(), zone);
    }

    /** Checks {@code signatureFile} against {@code archive}, with the keys {@code signers} allows at {@code now}. */
    public static Verification verify(Path archive, Path signatureFile, AllowedSigners signers, Instant now)
            throws IOException {
        if (!Files.exists(signatureFile)) {
            return fail(
                    signatureFile + ": no signature (sign the package with cert-package --sign-key, or name "
                            + "the file with --signature)",
                    null,
                    signers);
        }
        SshSignature signature;
        try {
            signature = SshSignature.parse(readText(signatureFile, "signature"));
        } catch (SshFormatException e) {
            return fail(SshFormatException.about(signatureFile, "the file", e.getMessage()), null, signers);
        }
        String signer = signature.publicKey().describe();
        if (!signature.namespace().equals(SshSignature.NAMESPACE)) {
            return fail(
                    signatureFile + ": the signature is for namespace '" + SshPublicKey.printable(signature.namespace())
                            + "', not '" + SshSignature.NAMESPACE + "'",
                    signer,
                    signers);
        }
        if (!signature.matches(archive)) {
            return fail(
                    signatureFile + ": the signature does not match " + archive + " (the file was changed "
                            + "after signing, or the signature is of another file)",
                    signer,
                    signers);
        }
        AllowedSigners.Match match = signers.find(signature.publicKey(), SshSignature.NAMESPACE, now);
        if (match.entry() == null) {
            return fail(
                    signatureFile + ": signed by " + signer + ", which the allowed signers do not allow ("
                            + match.problem() + ")",
                    signer,
                    signers);
        }
        return new Verification(null, match.entry().principals(), signer, signers.ignored());
    }

    private static Verification fail(String problem, String signer, AllowedSigners signers) {
        return new Verification(problem, null, signer, signers.ignored());
    }

    private static String readText(Path file, String what) throws SshFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
            if (bytes.length > MAX_TEXT_BYTES) {
                throw new SshFormatException(file + ": too large for a " + what + " (over 1 MiB)");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SshFormatException(file + ": no such " + what);
        } catch (IOException e) {
            throw new SshFormatException(
                    file + ": cannot read the " + what + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
