package dev.switchboard.app.sandbox;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * In sandbox mode, answers {@code hamsa.base-url} and {@code hamsa.api-key} with the embedded
 * simulator's, whatever else is configured: one switch ({@code switchboard.hamsa.sandbox.enabled}) must
 * be enough to guarantee that no request reaches the real Hamsa. Written as a config interceptor because
 * the Hamsa adapter only reads its own {@code hamsa.*} keys and must not know that a sandbox exists.
 */
@Priority(Priorities.APPLICATION + 100)
public class SandboxConfigInterceptor implements ConfigSourceInterceptor {

    static final String ENABLED = "switchboard.hamsa.sandbox.enabled";
    static final String PORT = "switchboard.hamsa.sandbox.port";
    static final String KEY = "switchboard.hamsa.sandbox.api-key";
    private static final String SOURCE = "switchboard-sandbox";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        boolean hamsaKey = "hamsa.base-url".equals(name) || "hamsa.api-key".equals(name);
        if (!hamsaKey || !sandboxEnabled(context)) {
            return context.proceed(name);
        }
        String value = "hamsa.base-url".equals(name)
                ? "http://127.0.0.1:" + valueOr(context, PORT, "8089")
                : valueOr(context, KEY, "sandbox-key");
        return ConfigValue.builder().withName(name).withValue(value).withConfigSourceName(SOURCE).build();
    }

    private static boolean sandboxEnabled(ConfigSourceInterceptorContext context) {
        return Boolean.parseBoolean(valueOr(context, ENABLED, "false"));
    }

    private static String valueOr(ConfigSourceInterceptorContext context, String name, String fallback) {
        ConfigValue value = context.proceed(name);
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }
}
