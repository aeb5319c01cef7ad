package dev.switchboard.app.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.api.TestTeams;
import dev.switchboard.app.api.TestTeams.TestTeam;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged application on one Redis, driven hard at a quota of 20 requests per 4 s
 * (Hamsa's 100 a minute, shrunk so the test covers several windows in seconds): the simulator never counts
 * more than the limit in any sliding window and never has to answer 429, yet the quota is used.
 */
@QuarkusIntegrationTest
@TestProfile(SharedQuotaIT.TightQuota.class)
class SharedQuotaIT {

    static final Map<String, String> TIGHT_QUOTA = Map.of(
            "switchboard.upstream.quota.limit", "20",
            "switchboard.upstream.quota.window", "4s",
            // The production default. With 1, a permit every 210 ms left one interval of slack in a window, and a
            // request held up in a cold JVM (seen: two arrivals 93 ms apart right after start) made 21 of 20.
            "switchboard.upstream.quota.headroom", "2",
            "switchboard.hamsa.sandbox.rate-limit", "20",
            "switchboard.hamsa.sandbox.rate-window", "4s");

    public static class TightQuota implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TIGHT_QUOTA;
        }
    }

    private static final int SECOND_PORT = 18182;
    private static final Duration DRIVE_FOR = Duration.ofSeconds(14);
    private static Process second;

    @BeforeAll
    static void startSecondReplica() throws Exception {
        second = SecondReplica.start(SECOND_PORT, "quota-replica", TIGHT_QUOTA);
    }

    @AfterAll
    static void stopSecondReplica() throws InterruptedException {
        SecondReplica.stop(second);
    }

    @Test
    void two_replicas_driven_hard_never_exceed_hamsas_limit_in_any_window_and_get_no_429() {
        TestTeam team = TestTeams.create(1_000_000, TestTeams.ALL_SCOPES);
        given().contentType(ContentType.JSON).body(Map.of("limit", 20, "windowSeconds", 4))
                .put(SecondReplica.SIMULATOR + "/_admin/rate-limit").then().statusCode(200);
        given().delete(SecondReplica.SIMULATOR + "/_admin/rate-limit/stats").then().statusCode(200);

        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        long end = System.nanoTime() + DRIVE_FOR.toNanos();
        List<CompletableFuture<Void>> drivers = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            int port = d % 2 == 0 ? RestAssured.port : SECOND_PORT;
            drivers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    int status = given().spec(team.spec()).port(port).contentType(ContentType.JSON)
                            .body(TestTeams.agentBody("Load " + i))
                            .post("/api/v1/agents").statusCode();
                    answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(drivers.toArray(CompletableFuture[]::new)).join();

        JsonPath stats = given().get(SecondReplica.SIMULATOR + "/_admin/rate-limit/stats").then().statusCode(200)
                .extract().jsonPath();
        assertThat(stats.getLong("maxArrivalsInAnyWindow")).isLessThanOrEqualTo(20);
        assertThat(stats.getLong("tooManyRequestsSent")).isZero();
        // 14 s at 18 per 4 s is about 63 requests: the quota is spent, not just respected
        assertThat(stats.getLong("arrivals")).isGreaterThanOrEqualTo(55);
        assertThat(answers.keySet()).as("answers %s", answers).isSubsetOf(201, 503);
        assertThat(answers.get(201).get()).isEqualTo(stats.getLong("allowed"));
    }
}
