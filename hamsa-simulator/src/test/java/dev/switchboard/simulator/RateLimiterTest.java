package dev.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_700_000_000_123L));

    @Test
    void allows_exactly_the_requests_a_brute_force_sliding_window_allows() {
        int limit = 7;
        long windowMillis = 1_000;
        RateLimiter limiter = new RateLimiter(clock, new RateLimiter.Policy(limit, Duration.ofMillis(windowMillis)));
        Random random = new Random(3);
        List<Long> allowedTimes = new ArrayList<>();

        for (int i = 0; i < 5_000; i++) {
            // Bursts and gaps, with many requests in the same millisecond.
            clock.advance(Duration.ofMillis(random.nextInt(10) < 7 ? random.nextInt(3) : random.nextInt(400)));
            long now = clock.millis();
            long inWindow = allowedTimes.stream().filter(t -> t > now - windowMillis).count();

            RateLimiter.Decision decision = limiter.acquire("k");

            assertThat(decision.allowed()).as("request %d at %d", i, now).isEqualTo(inWindow < limit);
            if (decision.allowed()) {
                allowedTimes.add(now);
            }
            long afterwards = allowedTimes.stream().filter(t -> t > now - windowMillis).count();
            assertThat(decision.remaining()).isEqualTo((int) (limit - afterwards));
            long slotFreesAt = allowedTimes.stream().filter(t -> t > now - windowMillis).findFirst()
                    .map(t -> t + windowMillis).orElse(now + windowMillis);
            assertThat(decision.resetEpochSeconds()).isEqualTo((slotFreesAt + 999) / 1000);
            assertThat(decision.retryAfterSeconds()).isEqualTo(Math.max(1, (slotFreesAt - now + 999) / 1000));
        }
        assertThat(allowedTimes).hasSizeGreaterThan(limit * 10);
    }

    @Test
    void finds_the_same_busiest_windows_as_a_brute_force_count_over_every_interval() {
        long windowMillis = 300;
        RateLimiter limiter = new RateLimiter(clock, new RateLimiter.Policy(4, Duration.ofMillis(windowMillis)));
        Random random = new Random(11);
        List<Long> arrivals = new ArrayList<>();
        List<Long> allowed = new ArrayList<>();

        for (int i = 0; i < 1_000; i++) {
            clock.advance(Duration.ofMillis(random.nextInt(10) < 8 ? random.nextInt(4) : random.nextInt(400)));
            arrivals.add(clock.millis());
            if (limiter.acquire("key-" + random.nextInt(3)).allowed()) {
                allowed.add(clock.millis());
            }
        }

        RateLimitStats stats = limiter.stats();
        assertThat(stats.arrivals()).isEqualTo(arrivals.size());
        assertThat(stats.allowed()).isEqualTo(allowed.size());
        assertThat(stats.refused()).isEqualTo(arrivals.size() - allowed.size());
        assertThat(stats.maxArrivalsInAnyWindow()).isEqualTo(busiestWindow(arrivals, windowMillis));
        assertThat(stats.maxAllowedInAnyWindow()).isEqualTo(busiestWindow(allowed, windowMillis));
        assertThat(stats.maxAllowedInAnyWindow()).isBetween(5L, 12L);
        assertThat(stats.firstArrival()).isEqualTo(Instant.ofEpochMilli(arrivals.get(0)));
        assertThat(stats.lastArrival()).isEqualTo(clock.instant());
    }

    /** Tries every half-open interval [start, start + window) that starts at a whole millisecond in the run. */
    private static long busiestWindow(List<Long> times, long windowMillis) {
        long busiest = 0;
        for (long start = times.get(0) - windowMillis; start <= times.get(times.size() - 1); start++) {
            long from = start;
            busiest = Math.max(busiest, times.stream().filter(t -> t >= from && t < from + windowMillis).count());
        }
        return busiest;
    }

    @Test
    void keeps_a_limit_per_key() {
        RateLimiter limiter = new RateLimiter(clock, new RateLimiter.Policy(1, Duration.ofSeconds(1)));

        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("b").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
    }

    @Test
    void forgets_keys_whose_window_emptied_once_more_than_ten_thousand_are_tracked() {
        RateLimiter limiter = new RateLimiter(clock, new RateLimiter.Policy(1, Duration.ofSeconds(1)));
        for (int i = 0; i < 10_001; i++) {
            limiter.acquire("key-" + i);
        }
        assertThat(limiter.trackedKeys()).isEqualTo(10_001);

        clock.advance(Duration.ofSeconds(1));
        limiter.acquire("late");

        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }

    @Test
    void holds_time_still_when_the_clock_steps_back() {
        RateLimiter limiter = new RateLimiter(clock, new RateLimiter.Policy(1, Duration.ofSeconds(10)));
        assertThat(limiter.acquire("k").allowed()).isTrue();

        clock.advance(Duration.ofSeconds(-5));

        RateLimiter.Decision decision = limiter.acquire("k");
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.retryAfterSeconds()).isEqualTo(10);
    }

    @Test
    void refuses_windows_under_a_millisecond_or_over_the_maximum() {
        assertThatThrownBy(() -> new RateLimiter.Policy(1, Duration.ofNanos(999_999)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter.Policy(1, Duration.ofSeconds(RateLimiter.MAX_WINDOW_SECONDS + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RateLimiter.Policy(1, Duration.ofMillis(1)).window()).isEqualTo(Duration.ofMillis(1));
    }
}
