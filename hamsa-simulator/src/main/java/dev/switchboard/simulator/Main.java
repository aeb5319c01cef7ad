package dev.switchboard.simulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** Runs the simulator as a standalone process until it is killed. */
public final class Main {

    static final int DEFAULT_PORT = 8089;
    static final String API_KEY_ENV = "HAMSA_SIMULATOR_API_KEY";
    static final String DEFAULT_PROJECT_ID = "proj_simulator";

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar hamsa-simulator-all.jar [options]",
            "",
            "  --port N                 port to listen on (default " + DEFAULT_PORT + ", 0 = any free port)",
            "  --host H                 address to bind (default 127.0.0.1; 0.0.0.0 for all interfaces)",
            "  --api-key K              accepted API key (default $" + API_KEY_ENV + ", else sim-key)",
            "  --rate-limit N           requests per window per key (default 100)",
            "  --window-seconds S       sliding rate-limit window length (default 60)",
            "  --window-millis MS       the window in milliseconds instead of --window-seconds",
            "  --latency-ms N           latency added to every API request (default 0)",
            "  --latency-jitter-ms N    extra random latency, uniform in 0..N (default 0)",
            "  --error-rate R           fraction of API requests answered 500/503 (0..1, default 0)",
            "  --timeout-rate R         fraction of API requests that hang, then answer 504 (0..1, default 0)",
            "  --timeout-ms N           how long a hanging request hangs (default 30000)",
            "  --drop-rate R            fraction of API requests closed without an answer (0..1, default 0)",
            "  --too-many-requests-rate R",
            "                           fraction of API requests answered 429 (0..1, default 0)",
            "  --retry-after-seconds N  Retry-After of those 429s (default 1)",
            "  --seed N                 seed for fault randomness (default 42)",
            "  --envelope guide|docs    response envelope and agent shape (default guide)",
            "  --max-recorded N         API requests kept for /_admin/requests (default 10000)",
            "  --project-id ID          projectId of the webhooks it sends (default " + DEFAULT_PROJECT_ID + ")",
            "  --call-step-delay-ms N   pause between the steps of a call (default "
                    + CallScript.defaults().stepDelayMillis() + ")",
            "  --knowledge-storage-limit N",
            "                           knowledge-base storage quota in bytes (default "
                    + KnowledgeBase.DEFAULT_STORAGE_LIMIT + ", Hamsa's Free tier)",
            "  --knowledge-processing-delay MS",
            "                           milliseconds a knowledge item takes to process (default "
                    + KnowledgeBase.DEFAULT_PROCESSING_DELAY.toMillis() + ")",
            "  --help                   print this help",
            "",
            "Flags take their value as the next argument or after '=' (--port=9000).");

    private static final Set<String> VALUE_FLAGS = Set.of(
            "--port", "--host", "--api-key", "--rate-limit", "--window-seconds", "--window-millis", "--latency-ms",
            "--latency-jitter-ms", "--error-rate", "--timeout-rate", "--timeout-ms", "--drop-rate",
            "--too-many-requests-rate", "--retry-after-seconds", "--seed", "--envelope", "--max-recorded",
            "--project-id", "--call-step-delay-ms", "--knowledge-storage-limit", "--knowledge-processing-delay");

    /** Everything the command line can set. */
    record Config(
            int port,
            String host,
            String apiKey,
            int rateLimit,
            Duration window,
            FaultSettings faults,
            Envelope envelope,
            int maxRecordedRequests,
            String projectId,
            long callStepDelayMillis,
            long knowledgeStorageLimit,
            long knowledgeProcessingDelayMillis,
            boolean help) {

        HamsaSimulator.Builder toBuilder() {
            return HamsaSimulator.builder()
                    .port(port)
                    .host(host)
                    .apiKey(apiKey)
                    .rateLimit(rateLimit, window)
                    .faults(faults)
                    .envelope(envelope)
                    .maxRecordedRequests(maxRecordedRequests)
                    .projectId(projectId)
                    .callScript(CallScript.defaults().withStepDelayMillis(callStepDelayMillis))
                    .knowledgeStorageLimit(knowledgeStorageLimit)
                    .knowledgeProcessingDelay(Duration.ofMillis(knowledgeProcessingDelayMillis));
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = parseArgs(args, System.getenv());
        } catch (IllegalArgumentException e) {
            usageError(System.err, e.getMessage());
            System.exit(2);
            return;
        }
        if (config.help()) {
            System.out.println(USAGE);
            return;
        }

        HamsaSimulator simulator;
        try {
            simulator = config.toBuilder().build().start();
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage() + ": " + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "hamsa-simulator-shutdown"));
        System.out.println("Hamsa simulator listening on http://" + config.host() + ":" + simulator.port());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void usageError(PrintStream err, String message) {
        err.println("error: " + message);
        err.println(USAGE);
    }

    /**
     * Parses the command line; {@code env} supplies the API-key fallback.
     *
     * @throws IllegalArgumentException for an unknown flag, a missing value or a bad value
     */
    static Config parseArgs(String[] args, Map<String, String> env) {
        int port = DEFAULT_PORT;
        String host = "127.0.0.1";
        String envKey = env.get(API_KEY_ENV);
        String apiKey = envKey == null || envKey.isBlank() ? "sim-key" : envKey;
        int rateLimit = 100;
        Duration window = Duration.ofSeconds(60);
        String windowFlag = null;
        FaultSettings defaults = FaultSettings.none();
        long latencyMs = defaults.latencyMs();
        long latencyJitterMs = defaults.latencyJitterMs();
        double errorRate = defaults.errorRate();
        double timeoutRate = defaults.timeoutRate();
        long timeoutMs = defaults.timeoutMs();
        double dropRate = defaults.dropRate();
        double tooManyRequestsRate = defaults.tooManyRequestsRate();
        long retryAfterSeconds = defaults.retryAfterSeconds();
        long seed = defaults.seed();
        Envelope envelope = Envelope.GUIDE;
        int maxRecorded = 10_000;
        String projectId = DEFAULT_PROJECT_ID;
        long callStepDelayMillis = CallScript.defaults().stepDelayMillis();
        long knowledgeStorageLimit = KnowledgeBase.DEFAULT_STORAGE_LIMIT;
        long knowledgeProcessingDelayMillis = KnowledgeBase.DEFAULT_PROCESSING_DELAY.toMillis();
        boolean help = false;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            if (flag.equals("--help") || flag.equals("-h")) {
                help = true;
                continue;
            }
            if (!VALUE_FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            String value;
            if (inlineValue != null) {
                value = inlineValue;
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            switch (flag) {
                case "--port" -> port = intIn(flag, value, 0, 65_535);
                case "--host" -> host = text(flag, value);
                case "--api-key" -> apiKey = text(flag, value);
                case "--rate-limit" -> rateLimit = intIn(flag, value, 0, Integer.MAX_VALUE);
                case "--window-seconds", "--window-millis" -> {
                    // Two lengths for one window would leave one silently ignored.
                    if (windowFlag != null && !windowFlag.equals(flag)) {
                        throw new IllegalArgumentException("give --window-seconds or --window-millis, not both");
                    }
                    windowFlag = flag;
                    window = flag.equals("--window-seconds")
                            ? Duration.ofSeconds(longIn(flag, value, 1, RateLimiter.MAX_WINDOW_SECONDS))
                            : Duration.ofMillis(longIn(flag, value, 1, RateLimiter.MAX_WINDOW_SECONDS * 1000));
                }
                case "--latency-ms" -> latencyMs = nonNegativeLong(flag, value);
                case "--latency-jitter-ms" -> latencyJitterMs = nonNegativeLong(flag, value);
                case "--error-rate" -> errorRate = rate(flag, value);
                case "--timeout-rate" -> timeoutRate = rate(flag, value);
                case "--timeout-ms" -> timeoutMs = nonNegativeLong(flag, value);
                case "--drop-rate" -> dropRate = rate(flag, value);
                case "--too-many-requests-rate" -> tooManyRequestsRate = rate(flag, value);
                case "--retry-after-seconds" -> retryAfterSeconds = nonNegativeLong(flag, value);
                case "--seed" -> seed = anyLong(flag, value);
                case "--envelope" -> envelope = envelope(value);
                case "--max-recorded" -> maxRecorded = intIn(flag, value, 0, Integer.MAX_VALUE);
                case "--project-id" -> projectId = text(flag, value);
                case "--call-step-delay-ms" -> callStepDelayMillis = longIn(flag, value, 0, CallScript.MAX_DELAY_MILLIS);
                case "--knowledge-storage-limit" -> knowledgeStorageLimit = nonNegativeLong(flag, value);
                case "--knowledge-processing-delay" -> knowledgeProcessingDelayMillis = nonNegativeLong(flag, value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        FaultSettings faults = new FaultSettings(latencyMs, latencyJitterMs, errorRate, timeoutRate, timeoutMs,
                dropRate, tooManyRequestsRate, retryAfterSeconds, seed);
        return new Config(port, host, apiKey, rateLimit, window, faults, envelope, maxRecorded, projectId,
                callStepDelayMillis, knowledgeStorageLimit, knowledgeProcessingDelayMillis, help);
    }

    private static String text(String flag, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(flag + " must not be blank");
        }
        return value;
    }

    private static int intIn(String flag, String value, int min, int max) {
        return (int) longIn(flag, value, min, max);
    }

    private static long longIn(String flag, String value, long min, long max) {
        long parsed = anyLong(flag, value);
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ", was " + value);
        }
        return parsed;
    }

    private static long nonNegativeLong(String flag, String value) {
        long parsed = anyLong(flag, value);
        if (parsed < 0) {
            throw new IllegalArgumentException(flag + " must not be negative, was " + value);
        }
        return parsed;
    }

    private static long anyLong(String flag, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects an integer, was '" + value + "'");
        }
    }

    private static double rate(String flag, String value) {
        double parsed;
        try {
            parsed = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects a number between 0 and 1, was '" + value + "'");
        }
        if (!(parsed >= 0.0 && parsed <= 1.0)) {
            throw new IllegalArgumentException(flag + " must be between 0 and 1, was " + value);
        }
        return parsed;
    }

    private static Envelope envelope(String value) {
        try {
            return Envelope.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--envelope must be guide or docs, was '" + value + "'");
        }
    }
}
