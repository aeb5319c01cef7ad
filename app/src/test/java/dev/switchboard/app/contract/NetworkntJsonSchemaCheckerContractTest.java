package dev.switchboard.app.contract;

import dev.switchboard.app.tools.NetworkntJsonSchemaChecker;
import dev.switchboard.domain.port.out.JsonSchemaChecker;
import dev.switchboard.domain.port.out.JsonSchemaCheckerContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The JSON Schema checker contract against the real checker as the application wires it (networknt, validating
 * against the bundled 2020-12 meta-schema), so the domain's fake is held to what the application answers.
 */
@QuarkusTest
class NetworkntJsonSchemaCheckerContractTest extends JsonSchemaCheckerContract {

    @Inject
    NetworkntJsonSchemaChecker checker;

    @Override
    protected JsonSchemaChecker checker() {
        return checker;
    }
}
