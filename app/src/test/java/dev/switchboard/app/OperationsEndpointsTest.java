package dev.switchboard.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** What operators and client teams rely on besides the API itself. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readiness_checks_postgres_and_wellness_checks_redis() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().when().get("/q/health/well")
                .then().statusCode(200)
                .body("checks.find { it.name == 'redis' }.status", equalTo("UP"));
    }

    @Test
    void metrics_are_served_in_prometheus_format() {
        given().when().get("/api/v1/agents");
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void the_openapi_document_describes_the_agent_api() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/agents"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/agents/{id}/clone"));
    }

    @Test
    void in_sandbox_mode_the_hamsa_adapter_points_at_the_simulator() {
        org.assertj.core.api.Assertions.assertThat(ConfigProvider.getConfig().getValue("hamsa.base-url", String.class))
                .isEqualTo("http://127.0.0.1:18089");
    }
}
