package dev.switchboard.archfixture.apptoadapter.app;

import dev.switchboard.archfixture.apptoadapter.adapters.hamsa.HamsaThing;

public class WiringUsingAdapterClass {
    public Object build() {
        return new HamsaThing();
    }
}
