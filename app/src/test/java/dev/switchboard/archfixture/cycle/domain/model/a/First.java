package dev.switchboard.archfixture.cycle.domain.model.a;

import dev.switchboard.archfixture.cycle.domain.model.b.Second;

public class First {
    Second second;
}
