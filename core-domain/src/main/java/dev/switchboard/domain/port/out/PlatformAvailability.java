package dev.switchboard.domain.port.out;

import dev.switchboard.domain.model.PlatformArea;

/** Whether Switchboard has stopped calling a part of the platform after repeated failures. */
public interface PlatformAvailability {

    boolean cutOff(PlatformArea area);
}
