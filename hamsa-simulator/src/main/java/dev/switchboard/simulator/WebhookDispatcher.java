package dev.switchboard.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Delivers calls' webhook events: one event at a time per call, in the order given, different calls
 * in parallel on a bounded pool. Waits (the delivery delay, retry backoffs) are scheduled rather than
 * slept, so a slow or dead receiver holds a pool thread only while a request is in flight.
 */
final class WebhookDispatcher {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final int THREADS = 32;
    static final int MAX_DELIVERIES_KEPT = 100_000;
    static final String USER_AGENT = "hamsa-simulator";

    private final Clock clock;
    private final Activity activity;
    private final ScheduledExecutorService scheduler;
    private final ThreadPoolExecutor pool;
    private final ArrayDeque<WebhookDelivery> deliveries = new ArrayDeque<>();

    WebhookDispatcher(Clock clock, Activity activity, ScheduledExecutorService scheduler) {
        this.clock = clock;
        this.activity = activity;
        this.scheduler = scheduler;
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Threads.daemon("hamsa-simulator-webhooks-"));
        pool.allowCoreThreadTimeOut(true);
    }

    /** The outbox of one call; events given to it are delivered one after another. */
    Outbox outbox(Conversation call) {
        return new Outbox(call);
    }

    List<WebhookDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    int clearDeliveries() {
        synchronized (deliveries) {
            int count = deliveries.size();
            deliveries.clear();
            return count;
        }
    }

    void close() {
        pool.shutdownNow();
    }

    private void record(WebhookDelivery delivery) {
        synchronized (deliveries) {
            deliveries.addLast(delivery);
            while (deliveries.size() > MAX_DELIVERIES_KEPT) {
                deliveries.removeFirst();
            }
        }
    }

    final class Outbox {

        private final Conversation call;
        private final URI url;
        private final CallScript script;
        private final ArrayDeque<WebhookEvent> queue = new ArrayDeque<>();
        private boolean busy;

        private Outbox(Conversation call) {
            this.call = call;
            this.url = URI.create(call.webhookUrl());
            this.script = call.script();
        }

        /** Queues the events behind those not yet delivered. */
        void send(Collection<WebhookEvent> events) {
            synchronized (this) {
                queue.addAll(events);
                if (busy || queue.isEmpty()) {
                    return;
                }
                busy = true;
            }
            activity.begin();
            next();
        }

        private void next() {
            WebhookEvent event;
            synchronized (this) {
                event = call.cancelled() ? null : queue.poll();
                if (event == null) {
                    queue.clear();
                    busy = false;
                }
            }
            if (event == null) {
                activity.end();
                return;
            }
            later(script.deliveryDelayMillis(), () -> attempt(event, 1));
        }

        private void attempt(WebhookEvent event, int attempt) {
            if (call.cancelled()) {
                next();
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                // Closing: nothing more is delivered.
                abandon();
                return;
            }
            int status = post(event);
            record(new WebhookDelivery(event.callId(), event.eventType(), event.timestamp(), attempt, status,
                    clock.instant()));
            if ((status >= 200 && status < 300) || attempt >= script.maxAttempts()) {
                next();
            } else {
                later(backoff(attempt), () -> attempt(event, attempt + 1));
            }
        }

        /**
         * One delivery over {@link HttpURLConnection} (java.base), not {@code java.net.http}: the simulator runs
         * inside Switchboard's native executable in sandbox mode, whose image does not carry that module.
         */
        private int post(WebhookEvent event) {
            HttpURLConnection connection = null;
            try {
                connection = (HttpURLConnection) url.toURL().openConnection();
                connection.setConnectTimeout((int) REQUEST_TIMEOUT.toMillis());
                connection.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
                connection.setInstanceFollowRedirects(false);
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(event.body().length);
                connection.setRequestProperty("Content-Type", "application/json");
                connection.setRequestProperty("User-Agent", USER_AGENT);
                String authorization = call.authorization();
                if (authorization != null) {
                    connection.setRequestProperty("Authorization", authorization);
                }
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(event.body());
                }
                int status = connection.getResponseCode();
                try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                    if (in != null) {
                        in.readAllBytes();
                    }
                }
                return status;
            } catch (IOException | RuntimeException e) {
                if (connection != null) {
                    connection.disconnect();
                }
                return WebhookDelivery.IO_FAILURE;
            }
        }

        /** Before retry n + 1: the backoff doubled n - 1 times, at most the longest delay a script allows. */
        private long backoff(int attempt) {
            long delay = script.retryBackoffMillis();
            for (int i = 1; i < attempt && delay < CallScript.MAX_DELAY_MILLIS; i++) {
                delay *= 2;
            }
            return Math.min(delay, CallScript.MAX_DELAY_MILLIS);
        }

        private void later(long delayMillis, Runnable task) {
            try {
                if (delayMillis <= 0) {
                    pool.execute(task);
                } else {
                    scheduler.schedule(() -> {
                        try {
                            pool.execute(task);
                        } catch (RejectedExecutionException e) {
                            abandon();
                        }
                    }, delayMillis, TimeUnit.MILLISECONDS);
                }
            } catch (RejectedExecutionException e) {
                abandon();
            }
        }

        private void abandon() {
            synchronized (this) {
                queue.clear();
                busy = false;
            }
            activity.end();
        }
    }

    static List<WebhookEvent> copies(List<WebhookEvent> events, int copies) {
        List<WebhookEvent> all = new ArrayList<>(events.size() * copies);
        for (WebhookEvent event : events) {
            for (int i = 0; i < copies; i++) {
                all.add(event);
            }
        }
        return all;
    }
}
