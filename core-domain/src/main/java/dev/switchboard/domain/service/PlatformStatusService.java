package dev.switchboard.domain.service;

import dev.switchboard.domain.model.PlatformArea;
import dev.switchboard.domain.port.in.PlatformStatusQuery;
import dev.switchboard.domain.port.out.PlatformAvailability;
import java.util.Objects;

/** A mirror may be stale exactly while its part of the platform is cut off. */
public final class PlatformStatusService implements PlatformStatusQuery {

    private final PlatformAvailability availability;

    public PlatformStatusService(PlatformAvailability availability) {
        this.availability = Objects.requireNonNull(availability, "availability");
    }

    @Override
    public boolean mirrorMayBeStale(PlatformArea area) {
        return availability.cutOff(area);
    }
}
