package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The package's signature against OpenSSH's own ssh-keygen (Debian's openssh-client), both ways: what
 * {@code cert-package --sign-key} writes, {@code ssh-keygen -Y verify} accepts (and refuses for a changed tarball);
 * what {@code ssh-keygen -Y sign} writes, {@code cert-package verify --allowed-signers} accepts, and refuses for
 * another namespace, a key not in allowed_signers, and other bytes.
 */
class SignedPackageIT {
    private static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";
    private static final String NS = "ga-certification";

    @TempDir
    static Path dir;

    static Path inputs;

    /** A process's exit code and its stdout and stderr together. */
    record Result(int exit, String output) {}

    static Result run(Path stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectInput(
                stdin == null
                        ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                        : ProcessBuilder.Redirect.from(stdin.toFile()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "ssh-keygen did not finish");
        return new Result(process.exitValue(), output);
    }

    /** ssh-keygen -t TYPE -N PASSPHRASE: a new key pair; returns the private key's path. */
    static Path keygen(String name, String type, String passphrase) throws Exception {
        Path key = dir.resolve(name);
        Result made = run(
                null,
                SSH_KEYGEN,
                "-q",
                "-t",
                type,
                "-N",
                passphrase,
                "-C",
                name + "@example.com",
                "-f",
                key.toString());
        assertEquals(0, made.exit(), made.output());
        return key;
    }

    @BeforeAll
    static void inputs() throws IOException {
        assertTrue(
                Files.isExecutable(Path.of(SSH_KEYGEN)),
                SSH_KEYGEN + " is missing: scripts/install-deps.sh installs openssh-client");
        inputs = Files.createDirectories(dir.resolve("inputs"));
        Fixtures.writeInputs(inputs, "web-frontend", true);
    }

    static Path build(String name, Path key, String epoch) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("--inputs", inputs.toString(), "--output-dir", out.toString()));
        if (key != null) {
            args.addAll(List.of("--sign-key", key.toString()));
        }
        CommandRun run = CommandRunner.run(Map.of("SOURCE_DATE_EPOCH", epoch), args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return out.resolve("ga_certification_package.tar.gz");
    }

    static Path allowedSigners(String name, String principal, Path key) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, principal + " " + Files.readString(Path.of(key + ".pub")));
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "rsa", "ecdsa"})
    void sshKeygenVerifiesWhatCertPackageSigned(String type) throws Exception {
        Path key = keygen("ours_" + type, type, "");
        Path archive = build("signed_" + type, key, "1795478400");
        Path sig = Path.of(archive + ".sig");
        Path signers = allowedSigners("signers_" + type, "release@example.com", key);

        Result good = run(
                archive,
                SSH_KEYGEN,
                "-Y",
                "verify",
                "-f",
                signers.toString(),
                "-I",
                "release@example.com",
                "-n",
                NS,
                "-s",
                sig.toString());
        assertEquals(0, good.exit(), good.output());
        String fingerprint =
                run(null, SSH_KEYGEN, "-l", "-f", key + ".pub").output().split(" ")[1];
        assertTrue(
                good.output()
                        .contains("Good \"ga-certification\" signature for release@example.com with "
                                + type.toUpperCase(Locale.ROOT) + " key " + fingerprint),
                good.output());

        // Our own verify names the same principal and fingerprint.
        CommandRun ours = CommandRunner.run("verify", archive.toString(), "--allowed-signers", signers.toString());
        assertEquals(0, ours.exitCode(), ours.err());
        assertTrue(
                ours.out()
                        .contains("signed by release@example.com (" + type.toUpperCase(Locale.ROOT) + " key "
                                + fingerprint + ", namespace ga-certification)"),
                ours.out());

        // One byte changed in the tarball: ssh-keygen refuses the signature.
        Path tampered = dir.resolve("tampered_" + type + ".tar.gz");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(tampered, bytes);
        Result bad = run(
                tampered,
                SSH_KEYGEN,
                "-Y",
                "verify",
                "-f",
                signers.toString(),
                "-I",
                "release@example.com",
                "-n",
                NS,
                "-s",
                sig.toString());
        assertNotEquals(0, bad.exit(), bad.output());
        // And for another namespace.
        Result otherNamespace = run(
                archive,
                SSH_KEYGEN,
                "-Y",
                "verify",
                "-f",
                signers.toString(),
                "-I",
                "release@example.com",
                "-n",
                "file",
                "-s",
                sig.toString());
        assertNotEquals(0, otherNamespace.exit(), otherNamespace.output());
    }

    /** ssh-keygen -Y sign on a copy of the package (ssh-keygen writes FILE.sig beside FILE). */
    static Path sshKeygenSign(Path archive, Path key, String namespace, String name) throws Exception {
        Path copyDir = Files.createDirectories(dir.resolve(name));
        Path copy = copyDir.resolve(archive.getFileName());
        Files.copy(archive, copy, StandardCopyOption.REPLACE_EXISTING);
        Result signed = run(null, SSH_KEYGEN, "-Y", "sign", "-n", namespace, "-f", key.toString(), copy.toString());
        assertEquals(0, signed.exit(), signed.output());
        return copy;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "rsa", "ecdsa"})
    void certPackageVerifiesWhatSshKeygenSigned(String type) throws Exception {
        Path key = keygen("theirs_" + type, type, "");
        Path stranger = keygen("stranger_" + type, type, "");
        Path archive = build("unsigned_" + type, null, "1795478400");
        Path signers = allowedSigners("their_signers_" + type, "ops@example.com,release@example.com", key);

        Path good = sshKeygenSign(archive, key, NS, "good_" + type);
        CommandRun accepted = CommandRunner.run("verify", good.toString(), "--allowed-signers", signers.toString());
        assertEquals(0, accepted.exitCode(), accepted.err());
        assertTrue(accepted.out().contains("signed by ops@example.com,release@example.com"), accepted.out());

        Path otherNamespace = sshKeygenSign(archive, key, "other", "namespace_" + type);
        CommandRun wrongNamespace =
                CommandRunner.run("verify", otherNamespace.toString(), "--allowed-signers", signers.toString());
        assertEquals(1, wrongNamespace.exitCode(), wrongNamespace.err());
        assertTrue(
                wrongNamespace.err().contains("the signature is for namespace 'other', not 'ga-certification'"),
                wrongNamespace.err());

        Path byStranger = sshKeygenSign(archive, stranger, NS, "by_stranger_" + type);
        CommandRun notAllowed =
                CommandRunner.run("verify", byStranger.toString(), "--allowed-signers", signers.toString());
        assertEquals(1, notAllowed.exitCode(), notAllowed.err());
        assertTrue(notAllowed.err().contains("which the allowed signers do not allow (not listed)"), notAllowed.err());

        // One byte changed in the tarball: the signature check, which comes first, fails (exit 1).
        Path tampered = good.resolveSibling("tampered.tar.gz");
        byte[] bytes = Files.readAllBytes(good);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(tampered, bytes);
        CommandRun changed = CommandRunner.run(
                "verify", tampered.toString(), "--allowed-signers", signers.toString(), "--signature", good + ".sig");
        assertEquals(1, changed.exitCode(), changed.err());
        assertTrue(changed.err().contains(": the signature does not match " + tampered), changed.err());
        // An intact package of other bytes (another build time) with the first one's signature: the signature fails.
        Path other = build("other_" + type, null, "1795478401");
        CommandRun otherBytes = CommandRunner.run(
                "verify", other.toString(), "--allowed-signers", signers.toString(), "--signature", good + ".sig");
        assertEquals(1, otherBytes.exitCode(), otherBytes.err());
        assertTrue(otherBytes.err().contains(": the signature does not match " + other), otherBytes.err());
    }

    @Test
    void aPassphraseProtectedKeyIsOneLineAndNothingIsWritten() throws Exception {
        Path key = keygen("protected", "ed25519", "pass phrase");
        Path out = dir.resolve("protected_out");
        CommandRun run = CommandRunner.run(
                "--inputs", inputs.toString(), "--output-dir", out.toString(), "--sign-key", key.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(
                List.of("cert-package: error: --sign-key " + key + ": the key is encrypted with a passphrase, which "
                        + "cert-package cannot ask for; give an unencrypted key"),
                run.errLines());
        assertTrue(!Files.exists(out.resolve("ga_certification_package.tar.gz")));
    }
}
