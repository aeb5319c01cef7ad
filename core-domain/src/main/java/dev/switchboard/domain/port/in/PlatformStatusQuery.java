package dev.switchboard.domain.port.in;

import dev.switchboard.domain.model.PlatformArea;

/**
 * Whether what Switchboard holds for a part of the platform may be out of date: while Switchboard cannot
 * reach that part, its mirror cannot be brought up to date, and reads say so.
 */
public interface PlatformStatusQuery {

    boolean mirrorMayBeStale(PlatformArea area);
}
