package dev.switchboard.app.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.model.InvalidInputException;
import dev.switchboard.domain.model.OutboundUrlPolicy;
import dev.switchboard.domain.service.OutboundUrlGuard;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Plain JUnit: resolves names through the machine's own resolver, starts nothing. */
class SystemHostResolverTest {

    private final SystemHostResolver resolver = new SystemHostResolver();

    @Test
    void localhost_resolves_only_to_addresses_the_guard_forbids() throws Exception {
        assertThat(resolver.resolve("localhost")).isNotEmpty()
                .allSatisfy(address -> assertThat(OutboundUrlGuard.forbiddenReason(address)).isPresent());
    }

    @Test
    void a_name_that_cannot_exist_does_not_resolve() {
        assertThatThrownBy(() -> resolver.resolve("switchboard-test.invalid")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void the_guard_refuses_a_url_whose_name_does_not_resolve_through_it() {
        OutboundUrlGuard guard = new OutboundUrlGuard(resolver, OutboundUrlPolicy.strict());

        assertThatThrownBy(() -> guard.check("url", "https://switchboard-test.invalid/hook"))
                .isInstanceOf(InvalidInputException.class);
    }
}
