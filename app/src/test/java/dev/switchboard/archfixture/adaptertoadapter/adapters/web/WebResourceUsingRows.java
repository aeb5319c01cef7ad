package dev.switchboard.archfixture.adaptertoadapter.adapters.web;

import dev.switchboard.archfixture.adaptertoadapter.adapters.persistence.Rows;

public class WebResourceUsingRows {
    public int count(Rows rows) {
        return rows.count();
    }
}
