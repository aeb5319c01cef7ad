package dev.switchboard.domain.fake;

import dev.switchboard.domain.model.UnreadableSecretException;
import dev.switchboard.domain.port.out.SecretCipher;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cipher for tests: reversible, bound to its context, and different each time. Sealed text is
 * {@code fake-sealed:<n>:<context length>:<context><plaintext reversed>}. Keeps nothing secret.
 */
public final class FakeSecretCipher implements SecretCipher {

    private static final String PREFIX = "fake-sealed:";
    private final AtomicLong counter = new AtomicLong();

    @Override
    public String seal(String plaintext, String context) {
        return PREFIX + counter.incrementAndGet() + ":" + context.length() + ":" + context
                + new StringBuilder(plaintext).reverse();
    }

    @Override
    public String open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new UnreadableSecretException("malformed");
        }
        try {
            String rest = sealed.substring(PREFIX.length());
            rest = rest.substring(rest.indexOf(':') + 1);
            int colon = rest.indexOf(':');
            int length = Integer.parseInt(rest.substring(0, colon));
            String sealedFor = rest.substring(colon + 1, colon + 1 + length);
            if (!sealedFor.equals(context)) {
                throw new UnreadableSecretException("sealed for another context");
            }
            return new StringBuilder(rest.substring(colon + 1 + length)).reverse().toString();
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new UnreadableSecretException("malformed");
        }
    }
}
