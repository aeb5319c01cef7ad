package dev.switchboard.app.calls;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * This replica's name in the dispatch leases it takes: the pod's host name (Kubernetes sets HOSTNAME) and a
 * random suffix, so two processes on one host, or a restarted pod, never pass for each other.
 */
@Singleton
public class ReplicaIdentity {

    private final String id = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElse("replica")
            + "-" + UUID.randomUUID().toString().substring(0, 8);

    public String id() {
        return id;
    }
}
