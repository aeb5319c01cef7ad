package dev.switchboard.archfixture.clean.domain.port.in;

import dev.switchboard.archfixture.clean.domain.model.Thing;

public interface MakeThing {
    Thing make(String name);
}
