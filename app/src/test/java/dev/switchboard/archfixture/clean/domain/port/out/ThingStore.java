package dev.switchboard.archfixture.clean.domain.port.out;

import dev.switchboard.archfixture.clean.domain.model.Thing;

public interface ThingStore {
    void save(Thing thing);
}
