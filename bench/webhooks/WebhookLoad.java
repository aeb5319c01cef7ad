import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator posing as Hamsa: posts transcription.update webhooks to Switchboard, each one a new event (a run
 * id, a global counter as the event's index and as milliseconds added to the run's base timestamp: unique per
 * call), so every acknowledgement is one real insert into the inbox. No dependencies: JDK 17 source launcher.
 *
 *   java bench/webhooks/WebhookLoad.java TARGETS rate R duration D [warmup W] [inflight N] [timeout T]
 *   java bench/webhooks/WebhookLoad.java TARGETS max concurrency C duration D [warmup W] [timeout T]
 *
 * TARGETS: lines of url TAB authorization TAB hamsaCallId TAB hamsaAgentId (one per call; events go to the calls
 * round-robin). D, W, T in seconds (W default 5, T default 10); N default 256.
 *
 * rate: open loop. Event i is due at start + i/R on a fixed grid, whatever happened before, and its latency is
 *   counted from that due time, not from when it could actually be sent: a stall shows up in the latency of every
 *   event it held back (no coordinated omission). At most N requests are in flight; an event that finds N in
 *   flight waits for a slot (counted as "waited for a slot"), and events still unsent when the run ends are
 *   counted as never sent.
 * max: closed loop. C workers, each sending its next event as soon as its last one is answered.
 *
 * Events due (rate) or sent (max) in the warm-up are not counted; every figure is over the D seconds after it.
 * Prints a human summary, then one machine-readable RESULT line; total_acked there counts the warm-up too (each
 * acknowledged event is a row in the inbox, warm-up or not).
 */
public class WebhookLoad {

    record Target(URI url, String authorization, String hamsaCallId, String agentId) {
    }

    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String FILLER = " The customer asked about the status of their order and the agent read"
            + " back the tracking details, the expected delivery window and the options to change the address"
            + " before dispatch; both confirmed the summary and agreed to follow up by email tomorrow.";

    private final List<Target> targets;
    private final HttpClient client;
    private final Duration timeout;
    private final String runId = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    private final Instant base = Instant.now().minusSeconds(3600);
    private final AtomicLong counter = new AtomicLong();

    // Totals over the whole run, warm-up included (for the inbox check).
    private final LongAdder totalSent = new LongAdder();
    private final LongAdder totalAcked = new LongAdder();
    private final LongAdder totalDuplicates = new LongAdder();
    // Measured window only.
    private final LongAdder sent = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final Map<Integer, LongAdder> non200 = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Recorder latencies = new Recorder();

    WebhookLoad(List<Target> targets, HttpClient client, Duration timeout) {
        this.targets = targets;
        this.client = client;
        this.timeout = timeout;
    }

    /** Every latency, in microseconds; sorted once at the end. */
    static final class Recorder {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long micros) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = micros;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    HttpRequest nextRequest() {
        long n = counter.getAndIncrement();
        Target t = targets.get((int) (n % targets.size()));
        String ts = TS.format(base.plusMillis(n));
        String speaker = (n & 1) == 0 ? "Agent" : "User";
        String body = "{\"eventType\":\"transcription.update\",\"callId\":\"" + t.hamsaCallId() + "\",\"timestamp\":\""
                + ts + "\",\"projectId\":\"proj_simulator\",\"agentId\":\"" + t.agentId()
                + "\",\"agentName\":\"Bench agent\",\"data\":{\"timestamp\":\"" + ts + "\",\"data\":{\"speaker\":\""
                + speaker + "\",\"text\":\"Bench line " + runId + "-" + n + "." + FILLER + "\",\"index\":" + n + "}}}";
        return HttpRequest.newBuilder(t.url()).timeout(timeout)
                .header("Authorization", t.authorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** One answer (or failure) of a request whose latency runs from {@code fromNanos}. */
    void record(boolean measured, long fromNanos, HttpResponse<String> response, Throwable failure) {
        long micros = (System.nanoTime() - fromNanos) / 1_000;
        boolean duplicate = failure == null && response.statusCode() == 200
                && response.body() != null && response.body().contains("\"duplicate\":true");
        if (failure == null && response.statusCode() == 200) {
            totalAcked.increment();
            if (duplicate) {
                totalDuplicates.increment();
            }
        }
        if (!measured) {
            return;
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            String name = cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName();
            errors.computeIfAbsent(name, k -> new LongAdder()).increment();
            return;
        }
        if (response.statusCode() == 200) {
            acked.increment();
            latencies.add(micros);
            if (duplicate) {
                duplicates.increment();
            }
        } else {
            non200.computeIfAbsent(response.statusCode(), k -> new LongAdder()).increment();
        }
    }

    // ---- open loop ------------------------------------------------------------------------------------------

    void runRate(double rate, long warmupNanos, long durationNanos, int inflight) throws InterruptedException {
        Semaphore slots = new Semaphore(inflight);
        long intervalNanos = Math.round(1e9 / rate);
        long start = System.nanoTime() + 50_000_000L;
        long measureFrom = start + warmupNanos;
        long end = measureFrom + durationNanos;
        long waitedForSlot = 0;
        long neverSent = 0;
        long maxLagNanos = 0;
        for (long i = 0; ; i++) {
            long due = start + i * intervalNanos;
            if (due >= end) {
                break;
            }
            long now = System.nanoTime();
            while (now < due) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            boolean measured = due >= measureFrom;
            if (!slots.tryAcquire()) {
                if (measured) {
                    waitedForSlot++;
                }
                long left = end - System.nanoTime();
                if (left <= 0 || !slots.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    // The run is over with this one and every later due event still unsent.
                    long dueBeforeEnd = (end - start + intervalNanos - 1) / intervalNanos;
                    long firstMeasured = (measureFrom - start + intervalNanos - 1) / intervalNanos;
                    neverSent = dueBeforeEnd - Math.max(i, firstMeasured);
                    break;
                }
            }
            maxLagNanos = measured ? Math.max(maxLagNanos, System.nanoTime() - due) : maxLagNanos;
            HttpRequest request = nextRequest();
            totalSent.increment();
            if (measured) {
                sent.increment();
            }
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                slots.release();
                record(measured, due, response, failure);
            });
        }
        // Let what is in flight finish (each request has its own timeout).
        boolean drained = slots.tryAcquire(inflight, timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        if (!drained) {
            errors.computeIfAbsent("still in flight at the end", k -> new LongAdder())
                    .add(inflight - slots.availablePermits());
        }
        double seconds = durationNanos / 1e9;
        System.out.printf(Locale.ROOT, "[load] rate %.0f ev/s for %.0f s after %.0f s of warm-up, %d calls, at most %d in flight%n",
                rate, seconds, warmupNanos / 1e9, targets.size(), inflight);
        report(seconds);
        System.out.printf(Locale.ROOT, "[load]   not on time: %d waited for an in-flight slot, %d never sent; worst send lag behind the grid %.1f ms%n",
                waitedForSlot, neverSent, maxLagNanos / 1e6);
        result("rate", seconds, "waited_for_slot=" + waitedForSlot + " never_sent=" + neverSent);
    }

    // ---- closed loop ----------------------------------------------------------------------------------------

    void runMax(int concurrency, long warmupNanos, long durationNanos) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + durationNanos;
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        for (int w = 0; w < concurrency; w++) {
            workers.execute(() -> {
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        return;
                    }
                    boolean measured = t0 >= measureFrom;
                    HttpRequest request = nextRequest();
                    totalSent.increment();
                    if (measured) {
                        sent.increment();
                    }
                    HttpResponse<String> response = null;
                    Throwable failure = null;
                    try {
                        response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        failure = e;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    record(measured, t0, response, failure);
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(durationNanos + warmupNanos + timeout.toNanos() + 5_000_000_000L, TimeUnit.NANOSECONDS)) {
            workers.shutdownNow();
        }
        double seconds = durationNanos / 1e9;
        System.out.printf(Locale.ROOT, "[load] max: %d connections, each sending its next event when answered, %.0f s after %.0f s of warm-up, %d calls%n",
                concurrency, seconds, warmupNanos / 1e9, targets.size());
        report(seconds);
        result("max", seconds, "concurrency=" + concurrency);
    }

    // ---- output ---------------------------------------------------------------------------------------------

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1000.0;
    }

    private static String counts(Map<?, LongAdder> map) {
        if (map.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        new TreeMap<>(map.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> String.valueOf(e.getKey()), e -> e.getValue().sum()))).forEach((k, v) -> {
                    if (s.length() > 0) {
                        s.append(", ");
                    }
                    s.append(k).append(": ").append(v);
                });
        return s.toString();
    }

    private long[] sortedLatencies;

    private void report(double seconds) {
        sortedLatencies = latencies.sorted();
        long[] l = sortedLatencies;
        System.out.printf(Locale.ROOT, "[load]   sent %d, acknowledged (200) %d (of them duplicate: %d), non-200 by status: %s, errors: %s%n",
                sent.sum(), acked.sum(), duplicates.sum(), counts(non200), counts(errors));
        System.out.printf(Locale.ROOT, "[load]   %.1f acknowledged events/s%n", acked.sum() / seconds);
        System.out.printf(Locale.ROOT, "[load]   acknowledgement latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                pct(l, 0.50), pct(l, 0.90), pct(l, 0.99), pct(l, 0.999), l.length == 0 ? Double.NaN : l[l.length - 1] / 1000.0);
    }

    private void result(String mode, double seconds, String extra) {
        long[] l = sortedLatencies;
        long non200Sum = non200.values().stream().mapToLong(LongAdder::sum).sum();
        long errorSum = errors.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf(Locale.ROOT, "RESULT mode=%s sent=%d acked=%d duplicates=%d non200=%d errors=%d ackps=%.1f"
                        + " p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f total_sent=%d total_acked=%d total_duplicates=%d %s%n",
                mode, sent.sum(), acked.sum(), duplicates.sum(), non200Sum, errorSum, acked.sum() / seconds,
                pct(l, 0.50), pct(l, 0.90), pct(l, 0.99), pct(l, 0.999), l.length == 0 ? Double.NaN : l[l.length - 1] / 1000.0,
                totalSent.sum(), totalAcked.sum(), totalDuplicates.sum(), extra);
    }

    // ---- main -----------------------------------------------------------------------------------------------

    private static void usage() {
        System.err.println("usage: java WebhookLoad.java TARGETS rate R duration D [warmup W] [inflight N] [timeout T]\n"
                + "       java WebhookLoad.java TARGETS max concurrency C duration D [warmup W] [timeout T]");
        System.exit(2);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        List<Target> targets = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 4) {
                System.err.println("bad target line (want url TAB authorization TAB hamsaCallId TAB agentId): " + line);
                System.exit(2);
            }
            targets.add(new Target(URI.create(f[0]), f[1], f[2], f[3]));
        }
        if (targets.isEmpty()) {
            System.err.println("no targets in " + args[0]);
            System.exit(2);
        }
        String mode = args[1];
        // "rate R duration D ..." or "max concurrency C duration D ...": name-value pairs after the mode's own word.
        int first = "max".equals(mode) ? 2 : 1;
        if ((args.length - first) % 2 != 0) {
            usage();
        }
        Map<String, String> opts = new TreeMap<>();
        for (int i = first; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        long warmup = Math.round(Double.parseDouble(opts.getOrDefault("warmup", "5")) * 1e9);
        long duration = Math.round(Double.parseDouble(opts.getOrDefault("duration", "30")) * 1e9);
        Duration timeout = Duration.ofMillis(Math.round(Double.parseDouble(opts.getOrDefault("timeout", "10")) * 1000));
        int inflight = Integer.parseInt(opts.getOrDefault("inflight", "256"));
        ExecutorService callbacks = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "http-callbacks");
            t.setDaemon(true);
            return t;
        });
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(callbacks).build();
        WebhookLoad load = new WebhookLoad(targets, client, timeout);
        switch (mode) {
            case "rate" -> {
                String r = opts.get(mode);
                if (r == null) {
                    usage();
                }
                load.runRate(Double.parseDouble(r), warmup, duration, inflight);
            }
            case "max" -> {
                String c = opts.get("concurrency");
                if (c == null) {
                    usage();
                }
                load.runMax(Integer.parseInt(c), warmup, duration);
            }
            default -> usage();
        }
        System.exit(0);
    }
}
