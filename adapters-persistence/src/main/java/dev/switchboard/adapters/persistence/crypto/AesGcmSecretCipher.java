package dev.switchboard.adapters.persistence.crypto;

import dev.switchboard.domain.model.UnreadableSecretException;
import dev.switchboard.domain.port.out.SecretCipher;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * AES-256-GCM from the JDK. A sealed secret reads {@code v1.<keyId>.<base64url(nonce || ciphertext || tag)>}:
 * a fresh random 96-bit nonce per seal, a 128-bit tag, and the key id (the first 8 hex digits of the key's
 * SHA-256) so that after a rotation each value finds the key that sealed it. The associated data is the
 * header ({@code v1.<keyId>.}) followed by the caller's context, so neither the version, the key id nor
 * the context can be changed without the value failing to open.
 *
 * <p>Built at startup ({@link Startup}) so that a bad key stops the service before it serves anything.
 * Nothing here logs or puts in a message a key, a plaintext or a context.
 */
@ApplicationScoped
@Startup
class AesGcmSecretCipher implements SecretCipher {

    private static final Logger LOG = Logger.getLogger(AesGcmSecretCipher.class);

    static final String VERSION = "v1";
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final Pattern KEY_ID = Pattern.compile("^[0-9a-f]{8}$");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SealingKey current;
    private final Map<String, SealingKey> keysById;
    private final SecureRandom random = new SecureRandom();

    @Inject
    AesGcmSecretCipher(EncryptionConfig config) {
        this(decodeKey("switchboard.encryption.key", config.key()),
                config.previousKeys().orElse(List.of()).stream()
                        .map(key -> decodeKey("switchboard.encryption.previous-keys", key))
                        .toList());
        LOG.infof("Secrets are sealed with key %s; %d more key(s) can open older ones", current.id,
                keysById.size() - 1);
    }

    /**
     * @param key          the 32 bytes that seal
     * @param previousKeys 32-byte keys that only open
     */
    AesGcmSecretCipher(byte[] key, List<byte[]> previousKeys) {
        this.current = new SealingKey(checkLength("the current key", key));
        Map<String, SealingKey> keys = new LinkedHashMap<>();
        keys.put(current.id, current);
        for (byte[] previous : previousKeys) {
            SealingKey candidate = new SealingKey(checkLength("a previous key", previous));
            SealingKey known = keys.putIfAbsent(candidate.id, candidate);
            if (known != null && !known.sameKeyAs(candidate)) {
                // Astronomically unlikely, but a value would then open with the wrong key or not at all.
                throw new IllegalArgumentException("two configured encryption keys share the key id " + candidate.id
                        + "; replace one of them");
            }
        }
        this.keysById = Map.copyOf(keys);
    }

    @Override
    public String seal(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        checkContext(context);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String header = VERSION + "." + current.id + ".";
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, current.spec, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(header, context));
            byte[] sealed = cipher.doFinal(utf8(plaintext));
            return header + BASE64URL.encodeToString(concat(nonce, sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    @Override
    public String open(String sealed, String context) {
        Objects.requireNonNull(sealed, "sealed");
        checkContext(context);
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new UnreadableSecretException("it is not a sealed secret of a known version");
        }
        if (!KEY_ID.matcher(parts[1]).matches()) {
            throw new UnreadableSecretException("its key id is malformed");
        }
        SealingKey key = keysById.get(parts[1]);
        if (key == null) {
            throw new UnreadableSecretException("it was sealed with key " + parts[1]
                    + ", which is not configured (switchboard.encryption.key or previous-keys)");
        }
        byte[] body;
        try {
            body = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecretException("its body is not base64url");
        }
        if (body.length < NONCE_BYTES + TAG_BYTES) {
            throw new UnreadableSecretException("it is too short to hold a nonce and a tag");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.spec, new GCMParameterSpec(TAG_BITS, body, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(parts[0] + "." + parts[1] + ".", context));
            byte[] plaintext = cipher.doFinal(body, NONCE_BYTES, body.length - NONCE_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableSecretException("it was altered, or sealed for another context");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * The bytes of a base64 key, or a failure that names the setting and never the value. The decoder's own
     * message quotes the offending character, so it is not passed on, nor is it kept as the cause.
     */
    static byte[] decodeKey(String property, String base64) {
        String help = "; it must be the base64 of " + KEY_BYTES + " random bytes (openssl rand -base64 " + KEY_BYTES + ")";
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(property + " is empty" + help);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " is not valid base64" + help);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(property + " decodes to " + key.length + " bytes, not " + KEY_BYTES + help);
        }
        return key;
    }

    private static byte[] checkLength(String which, byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException(which + " must be " + KEY_BYTES + " bytes for AES-256, not "
                    + (key == null ? "missing" : key.length + " bytes"));
        }
        return key;
    }

    private static void checkContext(String context) {
        // A blank context would bind nothing: one sealed value would open for every row.
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("a secret is sealed for a context, such as webhook-secret:<id>");
        }
    }

    private static byte[] associatedData(String header, String context) {
        return utf8(header + context);
    }

    /** Strict UTF-8: a string with a lone surrogate would otherwise be sealed as '?' and open changed. */
    private static byte[] utf8(String text) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(bytes.array(), bytes.position(), bytes.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the text to seal is not valid Unicode (it holds a lone surrogate)");
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** A key and its id. Deliberately not a record: a record's toString and hashCode would expose the key. */
    private static final class SealingKey {

        private final String id;
        private final SecretKeySpec spec;
        private final byte[] digest;

        SealingKey(byte[] key) {
            this.spec = new SecretKeySpec(key, "AES");
            this.digest = sha256(key);
            this.id = HexFormat.of().formatHex(digest, 0, 4);
        }

        boolean sameKeyAs(SealingKey other) {
            return MessageDigest.isEqual(digest, other.digest);
        }

        @Override
        public String toString() {
            return "key " + id;
        }

        private static byte[] sha256(byte[] key) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(key);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }
}
