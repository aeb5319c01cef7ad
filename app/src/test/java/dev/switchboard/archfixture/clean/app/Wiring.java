package dev.switchboard.archfixture.clean.app;

import dev.switchboard.archfixture.clean.domain.port.in.MakeThing;
import dev.switchboard.archfixture.clean.domain.port.out.ThingStore;
import dev.switchboard.archfixture.clean.domain.service.ThingService;

public class Wiring {
    public MakeThing makeThing(ThingStore store) {
        return new ThingService(store);
    }
}
