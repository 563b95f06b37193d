package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.cert.signature.KeyFixtures;
import dev.gaday.cert.signature.SigningKey;
import dev.gaday.cert.signature.SshSignature;
import dev.gaday.common.cli.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --sign-key and verify --allowed-signers in-process, with keys ssh-keygen made (the checks against ssh-keygen
 * itself are in SignedPackageIT): the .sig is part of the package's output set, a key that cannot sign stops the
 * run before anything is written, and each way a signature can be wrong is one line and exit 1.
 */
class SignedPackageTest {
    @TempDir
    static Path shared;

    static Path inputs;
    static Path out;
    static CommandRun signedRun;
    static Path archive;
    static Path allowed;

    @BeforeAll
    static void buildSigned() throws IOException {
        inputs = Files.createDirectories(shared.resolve("inputs"));
        Fixtures.writeInputs(inputs, "web-frontend", true);
        out = shared.resolve("out");
        signedRun = CommandRunner.run(
                "--inputs",
                inputs.toString(),
                "--output-dir",
                out.toString(),
                "--sign-key",
                KeyFixtures.file("ed25519").toString());
        archive = out.resolve("ga_certification_package.tar.gz");
        allowed = shared.resolve("allowed_signers");
        Files.writeString(
                allowed,
                "# who may sign GA packages\nrelease@example.com namespaces=\"ga-certification\" "
                        + KeyFixtures.text("ed25519.pub"));
    }

    private static CommandRun verify(String... extra) {
        return CommandRunner.run(Stream.concat(
                        Stream.of("verify", archive.toString(), "--allowed-signers", allowed.toString()),
                        Stream.of(extra))
                .toArray(String[]::new));
    }

    @Test
    void theSignatureIsWrittenBesideTheTarballAndListed() throws Exception {
        assertEquals(0, signedRun.exitCode(), signedRun.err());
        Path sig = out.resolve("ga_certification_package.tar.gz.sig");
        assertTrue(Files.isRegularFile(sig));
        assertTrue(signedRun.out().contains(sig.toString()), signedRun.out());
        SshSignature signature = SshSignature.parse(Files.readString(sig));
        assertEquals("ga-certification", signature.namespace());
        assertEquals("sha512", signature.hashAlgorithm());
        assertEquals(KeyFixtures.publicKey("ed25519.pub"), signature.publicKey());
        assertTrue(signature.matches(archive));
        // Nothing of the staging directory is left, and the key's text is nowhere in the output.
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    List.of(
                            "ga_certification_package.tar.gz",
                            "ga_certification_package.tar.gz.sha256",
                            "ga_certification_package.tar.gz.sig",
                            "package"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String keyLine = KeyFixtures.text("ed25519").split("\n")[2];
        assertFalse(signedRun.out().contains(keyLine) || signedRun.err().contains(keyLine));
    }

    @Test
    void verifyNamesThePrincipalThatSigned() throws Exception {
        CommandRun run = verify();
        assertEquals(0, run.exitCode(), run.err());
        String fingerprint = KeyFixtures.publicKey("ed25519.pub").fingerprint();
        assertTrue(
                run.out()
                        .contains("; signed by release@example.com (ED25519 key " + fingerprint
                                + ", namespace ga-certification)"),
                run.out());
    }

    @Test
    void aSignatureOfOtherBytesFails() throws Exception {
        Path other = shared.resolve("other.sig");
        Files.writeString(
                other,
                SshSignature.sign(
                        SigningKey.read(KeyFixtures.file("ed25519")),
                        "ga-certification",
                        out.resolve("ga_certification_package.tar.gz.sha256")));
        CommandRun run = verify("--signature", other.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(
                List.of("cert-package: error: " + other + ": the signature does not match " + archive
                        + " (the file was changed after signing, or the signature is of another file)"),
                run.errLines());
    }

    @Test
    void aSignatureForAnotherNamespaceFails() throws Exception {
        Path other = shared.resolve("namespace.sig");
        Files.writeString(other, SshSignature.sign(SigningKey.read(KeyFixtures.file("ed25519")), "file", archive));
        CommandRun run = verify("--signature", other.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(
                List.of("cert-package: error: " + other + ": the signature is for namespace 'file', not "
                        + "'ga-certification'"),
                run.errLines());
    }

    @Test
    void aKeyNotAllowedFails() throws Exception {
        Path other = shared.resolve("rsa.sig");
        Files.writeString(
                other, SshSignature.sign(SigningKey.read(KeyFixtures.file("rsa")), "ga-certification", archive));
        CommandRun run = verify("--signature", other.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(
                List.of("cert-package: error: " + other + ": signed by RSA key "
                        + KeyFixtures.publicKey("rsa.pub").fingerprint()
                        + ", which the allowed signers do not allow (not listed)"),
                run.errLines());
    }

    @Test
    void aNamespacesOptionWithoutGaCertificationFails() throws Exception {
        Path gitOnly = shared.resolve("git_only_signers");
        Files.writeString(gitOnly, "release@example.com namespaces=\"git\" " + KeyFixtures.text("ed25519.pub"));
        CommandRun run = CommandRunner.run("verify", archive.toString(), "--allowed-signers", gitOnly.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(
                run.err().contains("(line 1 (release@example.com) allows namespaces \"git\", not ga-certification)"),
                run.err());
    }

    @Test
    void aMissingSignatureFails() {
        Path none = shared.resolve("none.sig");
        CommandRun run = verify("--signature", none.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(
                List.of("cert-package: error: " + none + ": no signature (sign the package with cert-package "
                        + "--sign-key, or name the file with --signature)"),
                run.errLines());
    }

    @Test
    void badVerifyOptionsAreUsageErrors() throws IOException {
        CommandRun alone = CommandRunner.run("verify", archive.toString(), "--signature", "x.sig");
        assertEquals(2, alone.exitCode());
        assertEquals(
                List.of("cert-package: error: --signature needs --allowed-signers (the keys to check it against)"),
                alone.errLines());
        Path malformed = shared.resolve("malformed_signers");
        Files.writeString(malformed, "# ok\nrelease@example.com\n");
        CommandRun bad = CommandRunner.run("verify", archive.toString(), "--allowed-signers", malformed.toString());
        assertEquals(2, bad.exitCode());
        assertEquals(
                List.of("cert-package: error: --allowed-signers " + malformed + ":2: no key type (expected: "
                        + "principals [options] keytype base64-key)"),
                bad.errLines());
        CommandRun missing = CommandRunner.run(
                "verify",
                archive.toString(),
                "--allowed-signers",
                shared.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertEquals(
                List.of("cert-package: error: --allowed-signers " + shared.resolve("nope")
                        + ": no such allowed_signers file"),
                missing.errLines());
    }

    @Test
    void aMissingPackageIsNamedAsWithoutASignatureCheck() {
        Path none = shared.resolve("none.tar.gz");
        CommandRun run = CommandRunner.run("verify", none.toString(), "--allowed-signers", allowed.toString());
        assertEquals(4, run.exitCode(), run.err());
        assertEquals(List.of("cert-package: error: " + none + ": no such file"), run.errLines());
    }

    @Test
    void anUnusableKeyStopsTheRunBeforeAnythingIsWritten() throws IOException {
        for (String key : new String[] {"ed25519_encrypted", "dsa", "ed25519.pub"}) {
            Path target = shared.resolve("unsigned-" + key);
            CommandRun run = CommandRunner.run(
                    "--inputs",
                    inputs.toString(),
                    "--output-dir",
                    target.toString(),
                    "--sign-key",
                    KeyFixtures.file(key).toString());
            assertEquals(2, run.exitCode(), run.err());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(
                    run.err().startsWith("cert-package: error: --sign-key " + KeyFixtures.file(key) + ": "), run.err());
            assertFalse(Files.exists(target.resolve("ga_certification_package.tar.gz")), key);
            assertFalse(Files.exists(target.resolve("package")), key);
        }
    }

    @Test
    void anUnsignedRunRemovesTheStaleSignature() throws IOException {
        Path again = shared.resolve("again");
        CommandRun signed = CommandRunner.run(
                "--inputs",
                inputs.toString(),
                "--output-dir",
                again.toString(),
                "--sign-key",
                KeyFixtures.file("rsa").toString());
        assertEquals(0, signed.exitCode(), signed.err());
        assertTrue(Files.exists(again.resolve("ga_certification_package.tar.gz.sig")));
        CommandRun unsigned = CommandRunner.run("--inputs", inputs.toString(), "--output-dir", again.toString());
        assertEquals(0, unsigned.exitCode(), unsigned.err());
        assertFalse(
                Files.exists(again.resolve("ga_certification_package.tar.gz.sig")),
                "a signature of the previous tarball must not stay beside the new one");
        assertFalse(unsigned.out().contains(".sig"), unsigned.out());
    }

    @Test
    void signKeyWithCertifyOnlyIsAUsageError() {
        CommandRun run = CommandRunner.run(
                "--inputs",
                inputs.toString(),
                "--certify-only",
                "--output-dir",
                shared.resolve("certify").toString(),
                "--sign-key",
                KeyFixtures.file("ed25519").toString());
        assertEquals(2, run.exitCode());
        assertEquals(
                List.of("cert-package: error: --sign-key signs the tarball, which --certify-only does not write"),
                run.errLines());
    }
}
