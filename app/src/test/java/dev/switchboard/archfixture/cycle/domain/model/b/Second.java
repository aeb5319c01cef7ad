package dev.switchboard.archfixture.cycle.domain.model.b;

import dev.switchboard.archfixture.cycle.domain.model.a.First;

public class Second {
    First first;
}
