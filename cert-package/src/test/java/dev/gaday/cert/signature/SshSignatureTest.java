package dev.gaday.cert.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSHSIG against signatures ssh-keygen made: read, checked, and (Ed25519 and RSA PKCS#1 v1.5 being deterministic)
 * made again byte for byte from the same key and message.
 */
class SshSignatureTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatSshKeygenSignedWithEd25519() throws Exception {
        SshSignature signature = SshSignature.parse(KeyFixtures.text("message.txt.ed25519.sig"));
        assertEquals("ga-certification", signature.namespace());
        assertEquals("sha512", signature.hashAlgorithm());
        assertEquals("ssh-ed25519", signature.signatureAlgorithm());
        assertEquals(64, signature.signature().length);
        assertEquals(KeyFixtures.publicKey("ed25519.pub"), signature.publicKey());
        assertTrue(signature.matches(KeyFixtures.file("message.txt")));
    }

    @Test
    void readsWhatSshKeygenSignedWithRsa() throws Exception {
        SshSignature signature = SshSignature.parse(KeyFixtures.text("message.txt.rsa.sig"));
        assertEquals("rsa-sha2-512", signature.signatureAlgorithm());
        assertEquals(256, signature.signature().length);
        assertEquals(KeyFixtures.publicKey("rsa.pub"), signature.publicKey());
        assertTrue(signature.matches(KeyFixtures.file("message.txt")));
    }

    @Test
    void readsWhatSshKeygenSignedWithEcdsaAndSignsWhatItChecks() throws Exception {
        SshSignature theirs = SshSignature.parse(KeyFixtures.text("message.txt.ecdsa.sig"));
        assertEquals("ecdsa-sha2-nistp256", theirs.signatureAlgorithm());
        assertEquals(KeyFixtures.publicKey("ecdsa.pub"), theirs.publicKey());
        assertTrue(theirs.matches(KeyFixtures.file("message.txt")));
        // ECDSA signatures are randomised: ours is checked, not compared (SignedPackageIT has ssh-keygen check it).
        SshSignature ours = SshSignature.parse(SshSignature.sign(
                SigningKey.read(KeyFixtures.file("ecdsa")), "ga-certification", KeyFixtures.file("message.txt")));
        assertEquals(theirs.publicKey(), ours.publicKey());
        assertTrue(ours.matches(KeyFixtures.file("message.txt")));
        Path changed = dir.resolve("changed.txt");
        Files.writeString(changed, "the signed message?\n");
        assertFalse(ours.matches(changed));
        assertFalse(theirs.matches(changed));
    }

    @Test
    void aChangedMessageDoesNotMatch() throws Exception {
        Path changed = dir.resolve("message.txt");
        Files.writeString(changed, "the signed message!\n");
        for (String sig : new String[] {"message.txt.ed25519.sig", "message.txt.rsa.sig"}) {
            assertFalse(SshSignature.parse(KeyFixtures.text(sig)).matches(changed), sig);
        }
    }

    @Test
    void signsByteForByteAsSshKeygenDoes() throws Exception {
        for (String key : new String[] {"ed25519", "rsa", "rsa_pkcs8", "rsa_pem"}) {
            String expected =
                    KeyFixtures.text(key.startsWith("rsa") ? "message.txt.rsa.sig" : "message.txt.ed25519.sig");
            String ours = SshSignature.sign(
                    SigningKey.read(KeyFixtures.file(key)), "ga-certification", KeyFixtures.file("message.txt"));
            assertEquals(expected, ours, key);
        }
    }

    @Test
    void armourHasSeventyCharacterLines() throws Exception {
        String text = SshSignature.sign(
                SigningKey.read(KeyFixtures.file("rsa")), "ga-certification", KeyFixtures.file("message.txt"));
        String[] lines = text.split("\n");
        assertEquals("-----BEGIN SSH SIGNATURE-----", lines[0]);
        assertEquals("-----END SSH SIGNATURE-----", lines[lines.length - 1]);
        for (int i = 1; i < lines.length - 2; i++) {
            assertEquals(70, lines[i].length(), lines[i]);
        }
        assertTrue(text.endsWith("-----END SSH SIGNATURE-----\n"));
    }

    @Test
    void theSignedDataIsMagicNamespaceReservedHashAlgorithmAndHash() {
        byte[] data = SshSignature.signedData("ns", "sha512", new byte[] {1, 2});
        assertEquals(
                "535348534947" + "000000026e73" + "00000000" + "00000006736861353132" + "000000020102",
                java.util.HexFormat.of().formatHex(data));
    }

    @Test
    void damagedSignaturesAreOneLineErrors() throws IOException {
        String good = KeyFixtures.text("message.txt.ed25519.sig");
        assertEquals(
                "is not an SSH signature (no '-----BEGIN SSH SIGNATURE-----' ... '-----END SSH SIGNATURE-----' block)",
                assertThrows(SshFormatException.class, () -> SshSignature.parse("hello"))
                        .getMessage());
        String body = good.replace("-----BEGIN SSH SIGNATURE-----", "")
                .replace("-----END SSH SIGNATURE-----", "")
                .replaceAll("\\s", "");
        byte[] blob = Base64.getDecoder().decode(body);
        byte[] truncated = java.util.Arrays.copyOf(blob, blob.length - 10);
        assertEquals(
                "the signature is malformed (a length beyond its end)",
                assertThrows(SshFormatException.class, () -> SshSignature.fromBlob(truncated))
                        .getMessage());
        byte[] otherMagic = blob.clone();
        otherMagic[0] = 'X';
        assertEquals(
                "is not an SSH signature (no SSHSIG magic)",
                assertThrows(SshFormatException.class, () -> SshSignature.fromBlob(otherMagic))
                        .getMessage());
        byte[] version2 = blob.clone();
        version2[9] = 2;
        assertEquals(
                "is an SSH signature of version 2; only version 1 is known",
                assertThrows(SshFormatException.class, () -> SshSignature.fromBlob(version2))
                        .getMessage());
    }

    @Test
    void anRsaSignatureWithSha1IsRefusedAsOpenSshDoes() throws Exception {
        SshSignature rsa = SshSignature.parse(KeyFixtures.text("message.txt.rsa.sig"));
        byte[] blob = new SshWire.Writer()
                .raw("SSHSIG".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .uint32(1)
                .string(rsa.publicKey().blob())
                .string("ga-certification")
                .string(new byte[0])
                .string("sha512")
                .string(new SshWire.Writer()
                        .string("ssh-rsa")
                        .string(rsa.signature())
                        .bytes())
                .bytes();
        assertEquals(
                "has a signature of type 'ssh-rsa', which does not fit its ssh-rsa key",
                assertThrows(SshFormatException.class, () -> SshSignature.fromBlob(blob))
                        .getMessage());
    }
}
