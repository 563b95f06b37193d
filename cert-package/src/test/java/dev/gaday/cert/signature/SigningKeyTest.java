package dev.gaday.cert.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private key files as ssh-keygen writes them, and each way one can be unusable: one line naming the file. */
class SigningKeyTest {
    @TempDir
    Path dir;

    @Test
    void readsOpenSshAndPemKeysWithTheirPublicKeys() throws Exception {
        assertEquals(
                KeyFixtures.publicKey("ed25519.pub"),
                SigningKey.read(KeyFixtures.file("ed25519")).publicKey());
        for (String rsa : new String[] {"rsa", "rsa_pkcs8", "rsa_pem"}) {
            assertEquals(
                    KeyFixtures.publicKey("rsa.pub"),
                    SigningKey.read(KeyFixtures.file(rsa)).publicKey(),
                    rsa);
        }
        SshPublicKey ecdsa = SigningKey.read(KeyFixtures.file("ecdsa")).publicKey();
        assertEquals(KeyFixtures.publicKey("ecdsa.pub"), ecdsa);
        assertEquals("ecdsa-sha2-nistp256", ecdsa.type());
        assertEquals(
                KeyFixtures.text("ecdsa.pub").split(" ")[1], ecdsa.openSshText().split(" ")[1]);
    }

    @Test
    void theFingerprintIsSshKeygens() throws Exception {
        // ssh-keygen -l -f ed25519.pub prints the same SHA256 fingerprint (checked in SignedPackageIT).
        SshPublicKey key = KeyFixtures.publicKey("ed25519.pub");
        assertTrue(key.fingerprint().matches("SHA256:[A-Za-z0-9+/]{43}"), key.fingerprint());
        assertEquals("ED25519 key " + key.fingerprint(), key.describe());
        assertEquals(
                KeyFixtures.text("ed25519.pub").split(" ")[1], key.openSshText().split(" ")[1]);
    }

    @Test
    void readsAPkcs8Ed25519KeyAndDerivesItsPublicKey() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path pem = dir.resolve("ed25519.pem");
        Files.writeString(
                pem,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        byte[] spki = pair.getPublic().getEncoded();
        byte[] raw = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        assertEquals(SshPublicKey.ed25519(raw), SigningKey.read(pem).publicKey());
    }

    private String error(Path file) {
        return assertThrows(SshFormatException.class, () -> SigningKey.read(file))
                .getMessage();
    }

    @Test
    void anEncryptedKeyIsNamedAsSuch() {
        Path key = KeyFixtures.file("ed25519_encrypted");
        assertEquals(
                key + ": the key is encrypted with a passphrase, which cert-package cannot ask for; give an "
                        + "unencrypted key",
                error(key));
    }

    @Test
    void anEncryptedPemKeyIsNamedAsSuch() throws Exception {
        Path key = dir.resolve("enc.pem");
        Files.writeString(key, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertTrue(error(key).contains("encrypted with a passphrase"), error(key));
    }

    @Test
    void anUnsupportedTypeIsNamed() throws Exception {
        Path key = KeyFixtures.file("dsa");
        assertEquals(
                key + ": the key is of an unsupported key type 'ssh-dss' (supported: ssh-ed25519, ssh-rsa, "
                        + "ecdsa-sha2-nistp256/384/521)",
                error(key));
        Path pemEc = dir.resolve("ec.pem");
        Files.writeString(pemEc, "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n");
        assertTrue(
                error(pemEc)
                        .startsWith(pemEc + ": the key file is a PEM ECDSA key, which cert-package does not "
                                + "read; convert it"),
                error(pemEc));
    }

    @Test
    void aPublicKeyMissingFileAndGarbageAreNamed() throws Exception {
        Path pub = KeyFixtures.file("ed25519.pub");
        assertEquals(pub + ": the key file is a public key; give the private key (the file without .pub)", error(pub));
        assertEquals(dir.resolve("none") + ": no such file", error(dir.resolve("none")));
        Path garbage = dir.resolve("garbage");
        Files.writeString(garbage, "hello world\n");
        assertEquals(
                garbage + ": the key file is not a private key (expected an OpenSSH or PEM private key file)",
                error(garbage));
        Path directory = Files.createDirectories(dir.resolve("adir"));
        assertTrue(error(directory).startsWith(directory + ": cannot read the key file"), error(directory));
    }

    @Test
    void aDamagedKeyIsNamedWithoutItsBytes() throws Exception {
        String text = KeyFixtures.text("ed25519");
        String[] lines = text.split("\n");
        // Cut the key's base64 short: the private section ends early.
        String cut = lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + lines[lines.length - 1] + "\n";
        Path key = dir.resolve("cut");
        Files.writeString(key, cut);
        String message = error(key);
        assertTrue(message.startsWith(key + ": "), message);
        assertTrue(message.contains("malformed") || message.contains("not a valid"), message);
        for (int i = 1; i < lines.length - 1; i++) {
            assertFalse(message.contains(lines[i].substring(0, 12)), "key text in the message: " + message);
        }
        Path broken = dir.resolve("broken");
        Files.writeString(broken, lines[0] + "\n!!!!\n" + lines[lines.length - 1] + "\n");
        assertEquals(broken + ": the key file is not a valid key file (its base64 text is damaged)", error(broken));
        Path noEnd = dir.resolve("noend");
        Files.writeString(noEnd, lines[0] + "\n" + lines[1] + "\n");
        assertEquals(
                noEnd + ": the key file is not a complete key file (no '-----END OPENSSH PRIVATE KEY-----' line)",
                error(noEnd));
    }

    @Test
    void aTypeNameThatIsNotOneIsNotShown() throws Exception {
        // A damaged file whose "key type" bytes are really secret ones: the message must not echo them.
        byte[] secretLooking = "k9Q#xZ\u0001p".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] privateSection =
                new SshWire.Writer().uint32(7).uint32(7).string(secretLooking).bytes();
        byte[] blob = new SshWire.Writer()
                .raw("openssh-key-v1\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .string("none")
                .string("none")
                .string(new byte[0])
                .uint32(1)
                .string(KeyFixtures.publicKey("ed25519.pub").blob())
                .string(privateSection)
                .bytes();
        Path key = dir.resolve("damaged");
        Files.writeString(
                key,
                "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(blob) + "\n-----END OPENSSH PRIVATE KEY-----\n");
        String message = error(key);
        assertEquals(
                key + ": the key is of an unsupported key type (unrecognised) (supported: ssh-ed25519, ssh-rsa, "
                        + "ecdsa-sha2-nistp256/384/521)",
                message);
        assertFalse(message.contains("k9Q"), message);
    }

    @Test
    void toStringNamesTheKeyByItsFingerprintOnly() throws Exception {
        SigningKey key = SigningKey.read(KeyFixtures.file("rsa"));
        assertEquals("SigningKey[RSA key " + key.publicKey().fingerprint() + "]", key.toString());
    }
}
