package dev.switchboard.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.PlatformException;
import dev.switchboard.domain.model.PlatformFailure;
import dev.switchboard.domain.model.SecretChange;
import dev.switchboard.domain.model.ToolHttpMethod;
import dev.switchboard.domain.model.ToolTestResult;
import dev.switchboard.domain.model.WebToolDefinition;
import dev.switchboard.domain.port.out.WebToolPlatform;
import dev.switchboard.domain.port.out.WebToolPlatformContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeWebToolPlatformTest extends WebToolPlatformContract {

    private final FakeWebToolPlatform platform = new FakeWebToolPlatform();

    @Override
    protected WebToolPlatform platform() {
        return platform;
    }

    private static WebToolDefinition definition() {
        return function("orders", "https://api.example.com/orders", ToolHttpMethod.GET, 10);
    }

    @Test
    void the_token_a_tool_was_given_is_the_one_it_holds_until_changed() {
        String id = platform.createTool(definition(), "tok_1");

        assertThat(platform.tokenOf(id)).isEqualTo("tok_1");

        platform.updateTool(id, definition(), SecretChange.keep());
        assertThat(platform.tokenOf(id)).isEqualTo("tok_1");

        platform.updateTool(id, definition(), SecretChange.set("tok_2"));
        assertThat(platform.tokenOf(id)).isEqualTo("tok_2");

        platform.updateTool(id, definition(), SecretChange.clear());
        assertThat(platform.tokenOf(id)).isNull();
    }

    @Test
    void a_told_failure_is_thrown_once_and_creates_nothing() {
        PlatformException down = new PlatformException(PlatformFailure.UNAVAILABLE, "10503", "down");
        platform.failNext(down);

        assertThatThrownBy(() -> platform.createTool(definition(), null)).isSameAs(down);
        assertThat(platform.size()).isZero();

        platform.createTool(definition(), null);
        assertThat(platform.size()).isEqualTo(1);
        assertThat(platform.calls()).containsExactly("create", "create");
    }

    @Test
    void a_test_call_is_recorded_and_answered_as_told() {
        String id = platform.createTool(definition(), "tok_1");
        ToolTestResult refused = new ToolTestResult(false, null, 5_000, null, "timed out");
        platform.answerTestsWith(refused);

        ToolTestResult result = platform.testTool(id, definition(), "tok_1", Map.of("order", "A-1"));

        assertThat(result).isEqualTo(refused);
        assertThat(platform.testCalls()).containsExactly(
                new FakeWebToolPlatform.TestCall(id, definition(), "tok_1", Map.of("order", "A-1")));
    }

    @Test
    void until_told_a_test_answers_200_for_a_server_that_can_be_reached() {
        String id = platform.createTool(definition(), null);

        ToolTestResult result = platform.testTool(id, definition(), null, Map.of());

        assertThat(result.success()).isTrue();
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.error()).isNull();
    }
}
