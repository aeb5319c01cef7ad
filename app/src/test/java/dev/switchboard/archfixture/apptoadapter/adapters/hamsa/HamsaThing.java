package dev.switchboard.archfixture.apptoadapter.adapters.hamsa;

public class HamsaThing {
}
