package dev.switchboard.archfixture.clean.adapters.persistence;

import dev.switchboard.archfixture.clean.domain.model.Thing;
import dev.switchboard.archfixture.clean.domain.port.out.ThingStore;

public class MemoryThingStore implements ThingStore {
    @Override
    public void save(Thing thing) {
    }
}
