package dev.switchboard.archfixture.clean.domain.service;

import dev.switchboard.archfixture.clean.domain.model.Thing;
import dev.switchboard.archfixture.clean.domain.port.in.MakeThing;
import dev.switchboard.archfixture.clean.domain.port.out.ThingStore;

public class ThingService implements MakeThing {
    private final ThingStore store;

    public ThingService(ThingStore store) {
        this.store = store;
    }

    @Override
    public Thing make(String name) {
        Thing thing = new Thing(name);
        store.save(thing);
        return thing;
    }
}
