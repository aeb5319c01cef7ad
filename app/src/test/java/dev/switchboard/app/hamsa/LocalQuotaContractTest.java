package dev.switchboard.app.hamsa;

import dev.switchboard.domain.port.out.UpstreamQuota;
import dev.switchboard.domain.port.out.UpstreamQuotaContract;

/** The in-process quota (Redis fallback, naive baseline) keeps the same contract as the shared one. */
class LocalQuotaContractTest extends UpstreamQuotaContract {

    @Override
    protected UpstreamQuota freshQuota() {
        return new LocalQuota();
    }
}
