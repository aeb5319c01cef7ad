package dev.switchboard.archfixture.adaptertoadapter.adapters.persistence;

public class Rows {
    public int count() {
        return 0;
    }
}
