package dev.switchboard.archfixture.clean.domain.model;

public record Thing(String name) {
}
