package dev.switchboard.archfixture.clean.adapters.web;

import dev.switchboard.archfixture.clean.domain.port.in.MakeThing;

public class ThingResource {
    private final MakeThing makeThing;

    public ThingResource(MakeThing makeThing) {
        this.makeThing = makeThing;
    }

    public String post(String name) {
        return makeThing.make(name).name();
    }
}
